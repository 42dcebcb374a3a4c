package jp.renkei.server.intake;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.ShadowserverReader;
import jp.renkei.core.intake.ShadowserverReportType;
import jp.renkei.server.attribution.AttributionAnswer;
import jp.renkei.server.attribution.Attributions;
import jp.renkei.server.intake.internal.ObservationStore;
import jp.renkei.server.platform.ContentDigest;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.ImportTally;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a device report into observations, attributes each new one, and announces them: the
 * one use case behind both the REST endpoint and the imports page.
 */
@Service
public class ObservationImport {

    /** Kind under which runs appear in the import log. */
    public static final String KIND = "observations";
    /** Shadowserver CSV reports. */
    public static final String SHADOWSERVER = "shadowserver";
    /** Who attributes observations during an import, as written to the audit log. */
    public static final String SYSTEM_ACTOR = "system";

    private static final int CHUNK = 500;

    private final ObservationStore store;
    private final Attributions attributions;
    private final ImportLog importLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ObservationImport(ObservationStore store, Attributions attributions, ImportLog importLog,
            ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.store = store;
        this.attributions = attributions;
        this.importLog = importLog;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * Streams the report in chunks of {@value #CHUNK} rows. Per chunk, in one transaction: new rows
     * are stored (a stored fingerprint counts as a duplicate), each new observation is attributed
     * at its source time and the outcome stored on it, and {@link ObservationsRecorded} is
     * published with all of them, so its synchronous listeners commit or fail with the chunk.
     * Bad rows are rejected with their line; the run is recorded in the import log.
     *
     * @param reportType the Shadowserver report type, or empty to take it from the file name
     * @throws ImportFormatException for an unknown format, an undeterminable or unsupported report
     *         type, or a file without the required columns — never a silent "0 imported"
     */
    public ImportResult importReport(long organisationId, String actor, String format, Optional<String> reportType,
            String fileName, InputStream content) {
        if (!SHADOWSERVER.equals(format)) {
            throw new ImportFormatException("unknown observation format '" + format + "' for " + fileName
                    + " (supported: " + SHADOWSERVER + ")");
        }
        String type = reportType.filter(t -> !t.isBlank())
                .or(() -> ShadowserverReportType.fromFileName(fileName))
                .orElseThrow(() -> new ImportFormatException("cannot tell the Shadowserver report type of "
                        + fileName + ": name the file YYYY-MM-DD-<report_type>-….csv or pass type= (supported: "
                        + ShadowserverReportType.supportedList() + ")"));
        Instant started = Instant.now();
        ContentDigest digest = new ContentDigest(content);
        ImportTally tally = new ImportTally();
        try (ShadowserverReader reader = new ShadowserverReader(digest, fileName, type)) {
            List<ObservationDraft> chunk = new ArrayList<>(CHUNK);
            while (reader.hasNext()) {
                Parsed<ObservationDraft> parsed = reader.next();
                if (parsed instanceof Parsed.Row<ObservationDraft> row) {
                    chunk.add(row.value());
                    if (chunk.size() == CHUNK) {
                        record(organisationId, fileName, chunk, tally);
                        chunk.clear();
                    }
                } else if (parsed instanceof Parsed.Rejected<ObservationDraft> rejected) {
                    tally.rejected(rejected.line(), rejected.reason());
                }
            }
            record(organisationId, fileName, chunk, tally);
        }
        importLog.record(organisationId, actor, KIND, SHADOWSERVER, fileName, digest.sha256Hex(), started, tally);
        return tally.result();
    }

    private void record(long organisationId, String fileName, List<ObservationDraft> chunk, ImportTally tally) {
        if (chunk.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            List<RecordedObservation> recorded = new ArrayList<>();
            for (ObservationDraft draft : chunk) {
                Optional<Long> id = store.insertIfNew(organisationId, fileName, draft);
                if (id.isEmpty()) {
                    continue;
                }
                AttributionAnswer answer = attributions.attribute(organisationId, draft.ip(), draft.sourceTime(),
                        SYSTEM_ACTOR, "observation " + id.get());
                store.recordAttribution(organisationId, id.get(), answer);
                recorded.add(new RecordedObservation(id.get(), draft.kind(), draft.sourceTime(), draft.ip(),
                        answer.assignment().map(a -> a.subscriberId())));
            }
            if (!recorded.isEmpty()) {
                events.publishEvent(new ObservationsRecorded(organisationId, recorded));
            }
            // Counted only once the chunk's work (listeners included) went through.
            tally.accepted(recorded.size());
            tally.duplicates(chunk.size() - recorded.size());
        });
    }
}
