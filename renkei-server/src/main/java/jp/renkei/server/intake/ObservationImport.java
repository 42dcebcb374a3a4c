package jp.renkei.server.intake;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;
import jp.renkei.core.imports.RecordReader;
import jp.renkei.core.intake.ColumnMapping;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.ObservationReaders;
import jp.renkei.server.attribution.AttributionAnswer;
import jp.renkei.server.attribution.Attributions;
import jp.renkei.server.intake.internal.ObservationStore;
import jp.renkei.server.intake.internal.XarfMail;
import jp.renkei.server.intake.mapping.ColumnMappings;
import jp.renkei.server.platform.ContentDigest;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.ImportTally;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a device report into observations, attributes each new one, and announces them: the
 * one use case behind the REST endpoint, the imports page and the collectors.
 */
@Service
public class ObservationImport {

    /** Kind under which runs appear in the import log. */
    public static final String KIND = "observations";
    /** Shadowserver CSV reports. */
    public static final String SHADOWSERVER = ObservationReaders.SHADOWSERVER;
    /** IntelMQ events, JSON lines. */
    public static final String INTELMQ = ObservationReaders.INTELMQ;
    /** NOTICE/NICTER-style lists through a saved mapping. */
    public static final String NOTICE = ObservationReaders.NOTICE;
    /** X-ARF v0.2 mails ({@code .eml}) or v4 JSON. */
    public static final String XARF = ObservationReaders.XARF;
    /** Any CSV through a saved mapping. */
    public static final String CSV = ObservationReaders.CSV;
    /** Feed of files posted to the REST API without a feed name. */
    public static final String API_FEED = "api";
    /** Who attributes observations during an import, as written to the audit log. */
    public static final String SYSTEM_ACTOR = "system";

    /** Alarm for a file with no records at all, so "0 imported" is always explained. */
    public static final String EMPTY_REPORT = "empty-report";

    private static final int CHUNK = 2_000;

    private final ObservationStore store;
    private final Attributions attributions;
    private final ImportLog importLog;
    private final ColumnMappings mappings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ObservationImport(ObservationStore store, Attributions attributions, ImportLog importLog, ColumnMappings mappings,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.attributions = attributions;
        this.importLog = importLog;
        this.mappings = mappings;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * As {@link #importReport(ObservationImportRequest, InputStream)} from feed {@value #API_FEED}.
     *
     * @param reportType the Shadowserver report type, or empty to take it from the file name
     */
    public ImportResult importReport(long organisationId, String actor, String format, Optional<String> reportType,
            String fileName, InputStream content) {
        return importReport(new ObservationImportRequest(organisationId, actor, format, fileName, reportType,
                Optional.empty(), API_FEED), content);
    }

    /**
     * Streams the report in chunks of {@value #CHUNK} records. Per chunk, in one transaction: new
     * records are stored with the request's feed (a stored fingerprint counts as a duplicate), each
     * new observation is attributed at its source time, and {@link ObservationsRecorded} is
     * published with those that may open or extend a case, so its synchronous listeners commit or
     * fail with the chunk. Not announced, though stored and counted as accepted: unmapped
     * observations (never attributed: there is no reason to look up who held the address) and
     * observations linked to the same device's sighting from another feed (see
     * {@link ObservationStore#insertAll(long, String, String, List)}), so a device seen
     * by two feeds is one sighting. Bad records are rejected with their line; reader alarms
     * (unknown report type, unknown column, unknown kind) go into the result; the run, alarms
     * included, is recorded in the import log. Then, outside any transaction,
     * {@link ReportImported} announces the completed report (one report cycle of its feed).
     *
     * @throws ImportFormatException for an unknown format or mapping, an undeterminable report
     *         type, or a file without the required columns — never a silent "0 imported"
     */
    public ImportResult importReport(ObservationImportRequest request, InputStream content) {
        String format = request.format() == null ? "" : request.format().strip();
        if (!ObservationReaders.FORMATS.contains(format)) {
            throw new ImportFormatException("unknown observation format '" + format + "' for " + request.fileName()
                    + " (supported: " + String.join(", ", ObservationReaders.FORMATS) + ")");
        }
        Optional<ColumnMapping> mapping = Optional.empty();
        if (ObservationReaders.needsMapping(format)) {
            String name = request.mapping().filter(m -> !m.isBlank()).orElseThrow(() -> new ImportFormatException(
                    "format '" + format + "' needs mapping=<name> of a saved column mapping"));
            mapping = Optional.of(mappings.columnMapping(request.organisationId(), name).orElseThrow(
                    () -> new ImportFormatException("unknown mapping '" + name + "': save it first with PUT "
                            + "/api/v1/mappings/" + name + " or on the mappings page")));
        }
        Instant started = Instant.now();
        ContentDigest digest = new ContentDigest(content);
        ImportTally tally = new ImportTally();
        NewRows seen = new NewRows();
        try (RecordReader<ObservationDraft> reader = open(format, digest, request, mapping)) {
            reader.alarms().forEach(a -> tally.alarm(a.kind(), a.detail()));
            List<ObservationDraft> chunk = new ArrayList<>(CHUNK);
            long records = 0;
            while (reader.hasNext()) {
                Parsed<ObservationDraft> parsed = reader.next();
                records++;
                if (parsed instanceof Parsed.Row<ObservationDraft> row) {
                    chunk.add(row.value());
                    if (chunk.size() == CHUNK) {
                        record(request, chunk, tally, seen);
                        chunk.clear();
                    }
                } else if (parsed instanceof Parsed.Rejected<ObservationDraft> rejected) {
                    tally.rejected(rejected.line(), rejected.reason());
                }
            }
            record(request, chunk, tally, seen);
            for (ReaderAlarm a : reader.alarms()) {
                tally.alarm(a.kind(), a.detail());
            }
            if (records == 0) {
                tally.alarm(EMPTY_REPORT, request.fileName() + " has no records"
                        + (format.equals(SHADOWSERVER) ? " after its header" : ""));
            }
        }
        long run = importLog.record(request.organisationId(), request.actor(), KIND, format, request.fileName(),
                digest.sha256Hex(), started, tally);
        Instant completed = clock.instant();
        events.publishEvent(new ReportImported(request.organisationId(), request.feed(), run, seen.reportTypes,
                seen.count, seen.earliest == null ? completed : seen.earliest,
                seen.latest == null ? completed : seen.latest, completed));
        return tally.result();
    }

    private static RecordReader<ObservationDraft> open(String format, InputStream in, ObservationImportRequest request,
            Optional<ColumnMapping> mapping) {
        if (XARF.equals(format)) {
            return XarfMail.open(in, request.fileName());
        }
        return ObservationReaders.open(format, in, request.fileName(), request.reportType(), mapping);
    }

    /** What the newly stored rows of one import cover, for {@link ReportImported}. */
    private static final class NewRows {
        final Set<String> reportTypes = new TreeSet<>();
        long count;
        Instant earliest;
        Instant latest;

        void add(ObservationDraft draft) {
            count++;
            reportTypes.add(draft.reportType());
            Instant t = draft.sourceTime();
            earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
    }

    private void record(ObservationImportRequest request, List<ObservationDraft> chunk, ImportTally tally,
            NewRows seen) {
        if (chunk.isEmpty()) {
            return;
        }
        long org = request.organisationId();
        transaction.executeWithoutResult(status -> {
            // Unmapped observations are never attributed: there is no reason to look up who held the address.
            List<Integer> probed = new ArrayList<>();
            List<Attributions.Probe> probes = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                ObservationDraft draft = chunk.get(i);
                if (draft.kind().opensCase()) {
                    probed.add(i);
                    probes.add(new Attributions.Probe(draft.ip(), draft.sourcePort(), draft.sourceTime()));
                }
            }
            // Attributed first, so each observation is written once, with its answer.
            List<AttributionAnswer> answers = new ArrayList<>(Collections.nCopies(chunk.size(), null));
            List<Optional<ObservationStore.Stored>> outcomes = new ArrayList<>(chunk.size());
            attributions.attributeAndKeep(org, probes, SYSTEM_ACTOR, decided -> {
                for (int k = 0; k < probed.size(); k++) {
                    answers.set(probed.get(k), decided.get(k));
                }
                outcomes.addAll(store.insertAll(org, request.feed(), request.fileName(), chunk, answers));
                return probed.stream().map(i -> outcomes.get(i).map(ObservationStore.Stored::id)).toList();
            });
            List<RecordedObservation> recorded = new ArrayList<>();
            List<RecordedObservation> linked = new ArrayList<>();
            List<ObservationDraft> storedDrafts = new ArrayList<>();
            long stored = 0;
            for (int i = 0; i < chunk.size(); i++) {
                if (outcomes.get(i).isEmpty()) {
                    continue;
                }
                stored++;
                ObservationDraft draft = chunk.get(i);
                ObservationStore.Stored s = outcomes.get(i).get();
                storedDrafts.add(draft);
                if (answers.get(i) != null) {
                    RecordedObservation r = new RecordedObservation(s.id(), draft.kind(), draft.sourceTime(),
                            draft.ip(), answers.get(i).assignment().map(a -> a.subscriberId()), request.feed(),
                            draft.reportType(), draft.severity(), draft.deviceVendor(), draft.deviceModel());
                    if (s.linkedTo().isEmpty()) {
                        recorded.add(r);
                    } else if (draft.severity().isPresent()) {
                        linked.add(r);
                    }
                }
            }
            if (!recorded.isEmpty() || !linked.isEmpty()) {
                events.publishEvent(new ObservationsRecorded(org, recorded, linked));
            }
            // Counted only once the chunk's work (listeners included) went through.
            tally.accepted(stored);
            tally.duplicates(chunk.size() - stored);
            storedDrafts.forEach(seen::add);
        });
    }
}
