package jp.renkei.core.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import jp.renkei.core.attribution.AttributionPolicy;
import jp.renkei.core.intake.ShadowserverReportType;

/**
 * A deterministic synthetic ISP for demos, tests and benchmarks: subscribers, their RADIUS
 * sessions on a shared dynamic IP pool (optionally with NAS reboots, CGNAT port blocks and
 * delegated IPv6 prefixes), and one day of Shadowserver reports, written in the real file
 * formats, with the ground truth of who held each reported address. Sizes from 1,000 to 1,000,000
 * subscribers: files are written by replaying the simulation, never held in memory.
 */
public final class SyntheticIsp {

    /**
     * The shape of the ISP. {@code nasReboots}: NASes restart (Accounting-On) about weekly and
     * forget their sessions. {@code cgnat}: every fifth subscriber is behind carrier-grade NAT
     * (port-block allocation log). {@code ipv6}: every second subscriber gets a delegated /56.
     * {@code lateReports}: a few report rows arrive after the logs of their instant were discarded.
     */
    public record Options(int subscribers, int days, Instant end, boolean nasReboots, boolean cgnat, boolean ipv6,
                          boolean lateReports) {

        /** Rejects sizes outside 1 to 1,000,000 subscribers and fewer than one day. */
        public Options {
            Objects.requireNonNull(end, "end");
            if (subscribers < 1 || subscribers > 1_000_000 || days < 1) {
                throw new IllegalArgumentException("need 1 to 1,000,000 subscribers and at least one day");
            }
            end = end.truncatedTo(ChronoUnit.SECONDS);
        }

        /** RADIUS and IPv4 only, as the first demo. */
        public static Options radiusOnly(int subscribers, int days, Instant end) {
            return new Options(subscribers, days, end, false, false, false, false);
        }

        /** Everything: NAS reboots, CGNAT, IPv6 prefixes and late reports. */
        public static Options everything(int subscribers, int days, Instant end) {
            return new Options(subscribers, days, end, true, true, true, true);
        }

        Instant windowStart() {
            return end.minus(Duration.ofDays(days));
        }

        boolean isCgnat(int subscriber) {
            return cgnat && subscriber % 5 == 4;
        }

        int cgnatNumber(int subscriber) {
            return subscriber / 5;
        }

        boolean hasIpv6(int subscriber) {
            return ipv6 && subscriber % 2 == 0;
        }

        AddressPlan addressPlan() {
            int behindNat = cgnat ? subscribers / 5 : 0;
            return new AddressPlan(subscribers - behindNat, behindNat);
        }
    }

    private final long seed;
    private final Options options;
    private final int sessionCount;
    private final List<ReportRow> reports;

    private SyntheticIsp(long seed, Options options, int sessionCount, List<ReportRow> reports) {
        this.seed = seed;
        this.options = options;
        this.sessionCount = sessionCount;
        this.reports = reports;
    }

    /**
     * Generates {@code days} of RADIUS sessions (IPv4 only) ending at {@code end} (truncated to the
     * second) and the reports of the last day. The same arguments always give the same files.
     */
    public static SyntheticIsp generate(long seed, int subscribers, int days, Instant end) {
        if (subscribers < 1 || days < 1) {
            throw new IllegalArgumentException("need at least one subscriber and one day");
        }
        return generate(seed, Options.radiusOnly(subscribers, days, end));
    }

    /** Generates an ISP of this shape; memory grows with subscribers and reports, not sessions. */
    public static SyntheticIsp generate(long seed, Options options) {
        ReportPlanner planner = new ReportPlanner(seed, options);
        int sessions = new IspSimulation(seed, options, planner).run();
        return new SyntheticIsp(seed, options, sessions, List.copyOf(planner.plan()));
    }

    /** The subscriber id of subscriber number {@code index} (from 0). */
    static String subscriberId(int index) {
        String n = Integer.toString(index + 1);
        return n.length() >= 6 ? "S" + n : "S" + "000000".substring(n.length()) + n;
    }

    /** The subscriber CSV the customer system would export. */
    public void writeSubscribersCsv(Writer out) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord("subscriber_id", "name", "email", "phone", "language");
        for (int i = 1; i <= options.subscribers(); i++) {
            SyntheticSubscriber s = SyntheticPeople.person(seed, i);
            csv.writeRecord(s.id(), s.name(), s.email(), s.phone(), s.language().code());
        }
        flush(csv);
    }

    /** One FreeRADIUS detail file with every accounting record (and NAS restart) in time order. */
    public void writeRadiusDetail(Writer out) {
        new IspSimulation(seed, options, new RadiusDetailWriter(seed, out)).run();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CGNAT port-block allocation log ({@code cgnat-pba} CSV); only a header without CGNAT. */
    public void writeCgnatPba(Writer out) {
        PbaWriter pba = new PbaWriter(out);
        if (options.cgnat()) {
            new IspSimulation(seed, options, pba).run();
        }
        pba.flush();
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
        LocalDate day = options.end().minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
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

    /**
     * The attribution policy the ground truth's reasons assume: the ISP's address pools, logs
     * kept from the start of the generated window, no clock-skew tolerance.
     */
    public AttributionPolicy policy() {
        return AttributionPolicy.STRICT.withPools(options.addressPlan().pools()).withRetainedSince(options.windowStart());
    }

    /** Number of generated sessions (some are still open at the end). */
    public int sessionCount() {
        return sessionCount;
    }

    /** The instant the generated data ends. */
    public Instant end() {
        return options.end();
    }

    /** The shape this ISP was generated with. */
    public Options options() {
        return options;
    }

    private static void flush(CsvWriter csv) {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireSupported(String reportType) {
        if (!ShadowserverReportType.isSupported(reportType)) {
            throw new IllegalArgumentException("synthetic reports exist only for "
                    + ShadowserverReportType.supportedList() + ", not '" + reportType + "'");
        }
    }
}
