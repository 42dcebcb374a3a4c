package jp.renkei.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.renkei.core.intake.ShadowserverReportType;

/**
 * Chooses which subscribers' devices get reported during the last day and when: about 3% have
 * a device with open telnet and 1% an infected one, each seen 1–3 times while that subscriber
 * held the IP; plus rows for IPs nobody held at that instant.
 */
final class ReportPlanner {

    private ReportPlanner() {
    }

    static List<ReportRow> plan(SplittableRandom random, int subscriberCount, Map<String, List<PlannedSession>> bySubscriber,
                                Map<String, List<PlannedSession>> byIp, Instant end) {
        Instant dayStart = end.minus(Duration.ofDays(1));
        List<String> online = new ArrayList<>();
        bySubscriber.forEach((id, sessions) -> {
            if (coveredSeconds(sessions, dayStart, end) > 0) {
                online.add(id);
            }
        });
        online.sort(Comparator.naturalOrder());
        shuffle(online, random);
        int vulnerable = Math.min(online.size(), Math.max(1, Math.round(subscriberCount * 0.03f)));
        int infected = Math.min(online.size() - vulnerable, Math.max(1, Math.round(subscriberCount * 0.01f)));
        List<ReportRow> rows = new ArrayList<>();
        for (int i = 0; i < vulnerable + infected; i++) {
            String type = i < vulnerable ? ShadowserverReportType.SCAN_TELNET : ShadowserverReportType.EVENT4_SINKHOLE;
            String id = online.get(i);
            int profile = random.nextInt(1_000);
            int sightings = 1 + random.nextInt(3);
            for (int n = 0; n < sightings; n++) {
                Instant at = sampleCovered(bySubscriber.get(id), dayStart, end, random);
                String ip = bySubscriber.get(id).stream().filter(s -> s.covers(at)).findFirst().orElseThrow().ip();
                rows.add(new ReportRow(type, ip, at, id, profile, port(type, random)));
            }
        }
        for (String type : List.of(ShadowserverReportType.SCAN_TELNET, ShadowserverReportType.EVENT4_SINKHOLE)) {
            int count = (int) Math.max(2, rows.stream().filter(r -> r.reportType().equals(type)).count() / 10);
            for (int n = 0; n < count; n++) {
                rows.add(unattributable(type, n, byIp, dayStart, random));
            }
        }
        rows.sort(Comparator.comparing(ReportRow::at).thenComparing(ReportRow::ip));
        return rows;
    }

    /** An address outside the pool, an IPv6 address, or a pool IP in a gap between sessions. */
    private static ReportRow unattributable(String type, int n, Map<String, List<PlannedSession>> byIp,
                                            Instant dayStart, SplittableRandom random) {
        int profile = random.nextInt(1_000);
        Instant at = dayStart.plusSeconds(random.nextInt(86_400));
        if (n == 0) {
            return new ReportRow(type, "2001:db8:4e2:1f00::" + Integer.toHexString(1 + random.nextInt(0xfff)), at, "",
                    profile, port(type, random));
        }
        List<String> ips = byIp.keySet().stream().sorted().toList();
        for (int attempt = 0; attempt < 1_000 && !ips.isEmpty(); attempt++) {
            String ip = ips.get(random.nextInt(ips.size()));
            Instant t = dayStart.plusSeconds(random.nextInt(86_400));
            if (byIp.get(ip).stream().noneMatch(s -> s.covers(t))) {
                return new ReportRow(type, ip, t, "", profile, port(type, random));
            }
        }
        return new ReportRow(type, "192.0.2." + (100 + n % 100), at, "", profile, port(type, random));
    }

    private static int port(String type, SplittableRandom random) {
        if (type.equals(ShadowserverReportType.SCAN_TELNET)) {
            return random.nextInt(5) == 0 ? 2323 : 23;
        }
        return 32_768 + random.nextInt(28_232);
    }

    private static long coveredSeconds(List<PlannedSession> sessions, Instant from, Instant to) {
        long total = 0;
        for (PlannedSession s : sessions) {
            total += overlap(s, from, to);
        }
        return total;
    }

    private static long overlap(PlannedSession s, Instant from, Instant to) {
        Instant a = s.start().isAfter(from) ? s.start() : from;
        Instant b = s.endOr(to).isBefore(to) ? s.endOr(to) : to;
        return Math.max(0, Duration.between(a, b).getSeconds());
    }

    /** A whole-second instant, uniform over the time the subscriber was online in the window. */
    private static Instant sampleCovered(List<PlannedSession> sessions, Instant from, Instant to, SplittableRandom random) {
        long pick = random.nextLong(coveredSeconds(sessions, from, to));
        for (PlannedSession s : sessions) {
            long length = overlap(s, from, to);
            if (pick < length) {
                Instant a = s.start().isAfter(from) ? s.start() : from;
                return a.plusSeconds(pick);
            }
            pick -= length;
        }
        throw new IllegalStateException("sampled beyond covered time");
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
