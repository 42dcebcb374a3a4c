package jp.renkei.server.attribution;

import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.FreeRadiusDetailReader;
import jp.renkei.core.attribution.SessionAssembler;
import jp.renkei.core.attribution.SessionFragment;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Rejection;
import jp.renkei.server.attribution.internal.AssignmentStore;
import jp.renkei.server.platform.ContentDigest;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.ImportTally;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports RADIUS accounting into assignments: the one use case behind both the REST endpoint and
 * the imports page.
 */
@Service
public class AssignmentImport {

    /** Kind under which runs appear in the import log. */
    public static final String KIND = "assignments";
    /** The FreeRADIUS {@code detail} file format. */
    public static final String FREERADIUS_DETAIL = "freeradius-detail";
    /** Formats {@link #importFile} reads. */
    public static final List<String> FORMATS = List.of(FREERADIUS_DETAIL);

    private static final int CHUNK = 500;

    private final AssignmentStore store;
    private final ImportLog importLog;
    private final TransactionTemplate transaction;

    AssignmentImport(AssignmentStore store, ImportLog importLog, TransactionTemplate transaction) {
        this.store = store;
        this.importLog = importLog;
        this.transaction = transaction;
    }

    /**
     * Reads the file, folds its records into one fragment per session, and upserts each fragment
     * (in transactions of {@value #CHUNK} sessions). A fragment's records count as accepted when
     * its row was inserted or changed and as duplicates otherwise, so a re-import reports only
     * duplicates. Accounting-On/Off records are stored and close the open sessions of their NAS
     * last seen before them. The run is recorded in the import log.
     *
     * @throws ImportFormatException for an unknown format or an unreadable file
     */
    public ImportResult importFile(long organisationId, String actor, String format, String fileName,
            InputStream content) {
        if (!FORMATS.contains(format)) {
            throw new ImportFormatException("unknown assignment format '" + format + "' for " + fileName
                    + " (supported: " + String.join(", ", FORMATS) + ")");
        }
        Instant started = Instant.now();
        ContentDigest digest = new ContentDigest(content);
        SessionAssembler sessions = new SessionAssembler();
        try (FreeRadiusDetailReader reader = new FreeRadiusDetailReader(digest, fileName)) {
            sessions.addAll(reader);
        }
        ImportTally tally = new ImportTally();
        for (Rejection r : sessions.rejections()) {
            tally.rejected(r.line(), r.reason());
        }
        String source = FREERADIUS_DETAIL + ":" + fileName;
        Set<String> nases = new LinkedHashSet<>();
        List<SessionFragment> fragments = sessions.fragments();
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
        transaction.executeWithoutResult(status -> {
            for (AccountingRecord restart : sessions.nasRestarts()) {
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
        importLog.record(organisationId, actor, KIND, format, fileName, digest.sha256Hex(), started, tally);
        return tally.result();
    }
}
