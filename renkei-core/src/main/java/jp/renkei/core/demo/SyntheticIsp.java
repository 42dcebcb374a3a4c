package jp.renkei.core.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import jp.renkei.core.intake.ShadowserverReportType;

/**
 * A deterministic synthetic ISP for demos and tests: subscribers, their RADIUS sessions on a
 * shared dynamic IP pool, and one day of Shadowserver reports, written in the real file
 * formats, with the ground truth of who held each reported IP.
 */
public final class SyntheticIsp {

    private final long seed;
    private final Instant end;
    private final List<SyntheticSubscriber> subscribers;
    private final List<PlannedSession> sessions;
    private final List<ReportRow> reports;

    private SyntheticIsp(long seed, Instant end, List<SyntheticSubscriber> subscribers, List<PlannedSession> sessions,
                         List<ReportRow> reports) {
        this.seed = seed;
        this.end = end;
        this.subscribers = subscribers;
        this.sessions = sessions;
        this.reports = reports;
    }

    /**
     * Generates {@code days} of sessions ending at {@code end} (truncated to the second) and the
     * reports of the last day. The same arguments always give the same files.
     */
    public static SyntheticIsp generate(long seed, int subscribers, int days, Instant end) {
        if (subscribers < 1 || days < 1) {
            throw new IllegalArgumentException("need at least one subscriber and one day");
        }
        Instant endSecond = end.truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticSubscriber> people = SyntheticPeople.generate(random, subscribers);
        List<PlannedSession> sessions = SessionPlanner.plan(random, people, days, endSecond);
        Map<String, List<PlannedSession>> bySubscriber = sessions.stream()
                .collect(Collectors.groupingBy(PlannedSession::subscriberId, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<PlannedSession>> byIp = sessions.stream()
                .collect(Collectors.groupingBy(PlannedSession::ip, LinkedHashMap::new, Collectors.toList()));
        List<ReportRow> reports = ReportPlanner.plan(random, subscribers, bySubscriber, byIp, endSecond);
        return new SyntheticIsp(seed, endSecond, List.copyOf(people), List.copyOf(sessions), List.copyOf(reports));
    }

    /** The subscriber CSV the customer system would export. */
    public void writeSubscribersCsv(Writer out) {
        try {
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord("subscriber_id", "name", "email", "phone", "language");
            for (SyntheticSubscriber s : subscribers) {
                csv.writeRecord(s.id(), s.name(), s.email(), s.phone(), s.language().code());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One FreeRADIUS detail file with every accounting record in time order. */
    public void writeRadiusDetail(Writer out) {
        try {
            RadiusDetailWriter.write(sessions, end, seed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day's Shadowserver report of this type ({@code scan_telnet} or {@code event4_sinkhole}). */
    public void writeShadowserver(String reportType, Writer out) {
        requireSupported(reportType);
        try {
            ShadowserverWriter.write(reportType, reports, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name Shadowserver would give the report, dated by the day it covers. */
    public String fileName(String reportType) {
        requireSupported(reportType);
        LocalDate day = end.minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
        return day + "-" + reportType + "-asn-jp.csv";
    }

    /** Who really held the IP of every report row, in the rows' order across both reports. */
    public List<GroundTruth> groundTruth() {
        return reports.stream().map(ReportRow::truth).toList();
    }

    /** Ground truth of one report type, in the order its rows are written. */
    public List<GroundTruth> groundTruth(String reportType) {
        return reports.stream().filter(r -> r.reportType().equals(reportType)).map(ReportRow::truth).toList();
    }

    /** Number of generated sessions (some are still open at the end). */
    public int sessionCount() {
        return sessions.size();
    }

    /** The instant the generated data ends. */
    public Instant end() {
        return end;
    }

    private static void requireSupported(String reportType) {
        if (!ShadowserverReportType.isSupported(reportType)) {
            throw new IllegalArgumentException("synthetic reports exist only for "
                    + ShadowserverReportType.supportedList() + ", not '" + reportType + "'");
        }
    }
}
