package jp.renkei.server.attribution;

import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.SessionFragment;
import jp.renkei.core.attribution.SubscriberKey;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Rejection;
import jp.renkei.server.attribution.formats.AssignmentFormat;
import jp.renkei.server.attribution.formats.Formats;
import jp.renkei.server.attribution.internal.AssignmentStore;
import jp.renkei.server.attribution.internal.SettingsStore;
import jp.renkei.server.platform.ContentDigest;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.ImportTally;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports assignment logs (RADIUS accounting, DHCP leases, CGNAT port blocks): the one use case
 * behind both the REST endpoint and the imports page.
 */
@Service
public class AssignmentImport {

    /** Kind under which runs appear in the import log. */
    public static final String KIND = "assignments";
    /** The FreeRADIUS {@code detail} file format. */
    public static final String FREERADIUS_DETAIL = "freeradius-detail";
    /** Formats {@link #importFile} reads. */
    public static final List<String> FORMATS = Formats.ALL.stream().map(AssignmentFormat::name).toList();

    private static final int CHUNK = 500;

    private final AssignmentStore store;
    private final SettingsStore settings;
    private final ImportLog importLog;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    AssignmentImport(AssignmentStore store, SettingsStore settings, ImportLog importLog, TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.store = store;
        this.settings = settings;
        this.importLog = importLog;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * Reads the file with the format's core reader (the subscriber named by the attribute the
     * source's settings choose) and upserts what it gives in transactions of {@value #CHUNK}: one
     * row per session address or prefix, lease or port block. A record counts as accepted when
     * its row was inserted or changed and as a duplicate otherwise, so a re-import reports only
     * duplicates. Accounting-On/Off records are stored and close the open sessions of their NAS
     * last seen before them. The run is recorded in the import log; {@link AssignmentsChanged}
     * is published.
     *
     * @throws ImportFormatException for an unknown format or an unreadable file
     */
    public ImportResult importFile(long organisationId, String actor, String format, String fileName,
            InputStream content) {
        AssignmentFormat reader = Formats.ALL.stream().filter(f -> f.name().equals(format)).findFirst()
                .orElseThrow(() -> new ImportFormatException("unknown assignment format '" + format + "' for "
                        + fileName + " (supported: " + String.join(", ", FORMATS) + ")"));
        SubscriberKey key = settings.sources(organisationId).stream().filter(s -> s.kind().equals(format))
                .map(SettingsStore.SourceSetting::subscriberAttribute).filter(a -> !a.isBlank()).findFirst()
                .map(a -> AssignmentFormat.key(a).orElseThrow(() -> new ImportFormatException("the " + format
                        + " source's subscriber attribute '" + a + "' is unknown")))
                .orElse(reader.defaultKey());
        Instant started = Instant.now();
        ContentDigest digest = new ContentDigest(content);
        AssignmentFormat.Read read = reader.read(digest, fileName, key);
        ImportTally tally = new ImportTally();
        for (Rejection r : read.rejections()) {
            tally.rejected(r.line(), r.reason());
        }
        String source = format + ":" + fileName;
        Set<String> nases = new LinkedHashSet<>();
        List<SessionFragment> fragments = read.sessions();
        for (int from = 0; from < fragments.size(); from += CHUNK) {
            List<SessionFragment> chunk = fragments.subList(from, Math.min(fragments.size(), from + CHUNK));
            transaction.executeWithoutResult(status -> {
                for (SessionFragment f : chunk) {
                    if (store.upsert(organisationId, f, source)) {
                        tally.accepted(f.records());
                    } else {
                        tally.duplicates(f.records());
                    }
                    nases.add(f.nas());
                }
            });
        }
        List<Assignment> assignments = read.assignments();
        for (int from = 0; from < assignments.size(); from += CHUNK) {
            List<AssignmentStore.Row> rows = assignments.subList(from, Math.min(assignments.size(), from + CHUNK))
                    .stream().map(a -> AssignmentStore.rowOf(a, source)).toList();
            transaction.executeWithoutResult(status -> {
                for (boolean changed : store.upsertRows(organisationId, rows)) {
                    if (changed) {
                        tally.accepted(1);
                    } else {
                        tally.duplicates(1);
                    }
                }
            });
        }
        if (!read.restarts().isEmpty() || !nases.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                for (AccountingRecord restart : read.restarts()) {
                    if (store.recordRestart(organisationId, restart)) {
                        tally.accepted(1);
                    } else {
                        tally.duplicates(1);
                    }
                    nases.add(restart.nas());
                }
                nases.remove("");
                store.closeSessionsEndedByRestarts(organisationId, nases);
            });
        }
        importLog.record(organisationId, actor, KIND, format, fileName, digest.sha256Hex(), started, tally);
        events.publishEvent(new AssignmentsChanged(organisationId));
        return tally.result();
    }
}
