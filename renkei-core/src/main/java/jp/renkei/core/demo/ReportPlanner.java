package jp.renkei.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jp.renkei.core.intake.ShadowserverReportType;
import jp.renkei.core.net.IpAddresses;

/**
 * Chooses which subscribers' devices get reported during the last day and when: about 3% have
 * a device with open telnet and 1% an infected one, each seen 1–3 times while that subscriber
 * held the IP (or, dual-stack, an address in its IPv6 prefix; behind CGNAT, its public address
 * and a port of its block); plus rows nobody can be named for, with the reason. It listens to the
 * simulation, keeping only the sessions of a few candidates and the probes it needs.
 */
final class ReportPlanner implements IspSimulation.Listener {

    private final SplittableRandom random;
    private final SyntheticIsp.Options options;
    private final Instant dayStart;
    private final Instant end;
    private final int vulnerableWanted;
    private final int infectedWanted;
    private final Map<String, List<PlannedSession>> candidates = new LinkedHashMap<>();
    private final Map<String, List<long[]>> probes = new HashMap<>();
    private final List<String> probeIps = new ArrayList<>();
    private final List<long[]> probeList = new ArrayList<>();

    ReportPlanner(long seed, SyntheticIsp.Options options) {
        this.random = new SplittableRandom(seed ^ 0x4E90_0127L);
        this.options = options;
        this.end = options.end();
        this.dayStart = end.minus(Duration.ofDays(1));
        int n = options.subscribers();
        vulnerableWanted = Math.max(1, Math.round(n * 0.03f));
        infectedWanted = Math.max(1, Math.round(n * 0.01f));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int wanted = Math.min(n, 2 * (vulnerableWanted + infectedWanted) + 20);
        for (int i = 0; i < wanted; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            candidates.put(SyntheticIsp.subscriberId(order[i]), new ArrayList<>());
        }
        int poolSize = options.addressPlan().poolSize;
        for (int p = 0; p < 4 * (vulnerableWanted + infectedWanted) / 10 + 40; p++) {
            String ip = AddressPlan.poolIp(random.nextInt(poolSize));
            long[] probe = {dayStart.getEpochSecond() + random.nextInt(86_400), 0};
            probes.computeIfAbsent(ip, k -> new ArrayList<>()).add(probe);
            probeIps.add(ip);
            probeList.add(probe);
        }
    }

    @Override
    public void ended(PlannedSession s) {
        List<PlannedSession> mine = candidates.get(s.subscriberId());
        if (mine != null && s.endOr(end).isAfter(dayStart)) {
            mine.add(s);
        }
        List<long[]> here = s.isCgnat() ? null : probes.get(s.ip());
        if (here != null) {
            for (long[] probe : here) {
                if (s.covers(Instant.ofEpochSecond(probe[0]))) {
                    probe[1] = 1;
                }
            }
        }
    }

    List<ReportRow> plan() {
        List<ReportRow> rows = new ArrayList<>();
        int vulnerable = 0;
        int infected = 0;
        for (Map.Entry<String, List<PlannedSession>> c : candidates.entrySet()) {
            List<PlannedSession> sessions = c.getValue();
            if (coveredSeconds(sessions) == 0) {
                continue;
            }
            boolean cgnat = sessions.get(0).isCgnat();
            String type;
            // A scan sees a listening port, useless behind CGNAT, so only sinkhole rows report CGNAT subscribers.
            if (vulnerable < vulnerableWanted && !cgnat) {
                type = ShadowserverReportType.SCAN_TELNET;
                vulnerable++;
            } else if (infected < infectedWanted) {
                type = ShadowserverReportType.EVENT4_SINKHOLE;
                infected++;
            } else {
                continue;
            }
            int profile = random.nextInt(1_000);
            int sightings = 1 + random.nextInt(3);
            for (int n = 0; n < sightings; n++) {
                Instant at = sampleCovered(sessions);
                PlannedSession s = sessions.stream().filter(x -> x.covers(at)).findFirst().orElseThrow();
                int port = port(type);
                String ip = s.ip();
                if (s.isCgnat()) {
                    ip = s.publicIp();
                    port = s.portFirst() + random.nextInt(s.portLast() - s.portFirst() + 1);
                } else if (!s.ipv6Prefix().isEmpty() && random.nextBoolean()) {
                    ip = addressIn(s.ipv6Prefix());
                }
                rows.add(new ReportRow(type, ip, at, c.getKey(), profile, port, ""));
            }
        }
        for (String type : List.of(ShadowserverReportType.SCAN_TELNET, ShadowserverReportType.EVENT4_SINKHOLE)) {
            int count = (int) Math.max(2, rows.stream().filter(r -> r.reportType().equals(type)).count() / 10);
            for (int n = 0; n < count; n++) {
                rows.add(unattributable(type, n));
            }
            if (options.lateReports()) {
                for (int n = 0; n < 2; n++) {
                    Instant old = options.windowStart().minusSeconds(3_600 + random.nextInt(3 * 86_400));
                    rows.add(new ReportRow(type, probeIps.get(random.nextInt(probeIps.size())), old, "",
                            random.nextInt(1_000), port(type), "log-expired"));
                }
            }
        }
        rows.sort(Comparator.comparing(ReportRow::at).thenComparing(ReportRow::ip));
        return rows;
    }

    /** An IPv6 address outside the ISP, a pool IP in a gap between sessions, or an address not in any pool. */
    private ReportRow unattributable(String type, int n) {
        int profile = random.nextInt(1_000);
        Instant at = dayStart.plusSeconds(random.nextInt(86_400));
        if (n == 0) {
            return new ReportRow(type, "2001:db8:4e2:1f00::" + Integer.toHexString(1 + random.nextInt(0xfff)), at, "",
                    profile, port(type), "not-our-address");
        }
        for (int i = 0; i < probeList.size(); i++) {
            long[] probe = probeList.get(i);
            if (probe[1] == 0) {
                probe[1] = 2; // used
                return new ReportRow(type, probeIps.get(i), Instant.ofEpochSecond(probe[0]), "", profile, port(type),
                        "no-assignment");
            }
        }
        return new ReportRow(type, "192.0.2." + (100 + n % 100), at, "", profile, port(type), "not-our-address");
    }

    private String addressIn(String prefix) {
        String network = prefix.substring(0, prefix.indexOf("::"));
        String[] groups = network.split(":");
        int subnet = random.nextInt(256);
        String fourth = Integer.toHexString((groups.length > 3 ? Integer.parseInt(groups[3], 16) : 0) | subnet);
        return IpAddresses.canonical(groups[0] + ":" + groups[1] + ":" + groups[2] + ":" + fourth + ":"
                + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(1 + random.nextInt(0xffff)));
    }

    private int port(String type) {
        if (type.equals(ShadowserverReportType.SCAN_TELNET)) {
            return random.nextInt(5) == 0 ? 2323 : 23;
        }
        return 32_768 + random.nextInt(28_232);
    }

    private long coveredSeconds(List<PlannedSession> sessions) {
        long total = 0;
        for (PlannedSession s : sessions) {
            total += overlap(s);
        }
        return total;
    }

    private long overlap(PlannedSession s) {
        Instant a = s.start().isAfter(dayStart) ? s.start() : dayStart;
        Instant b = s.endOr(end).isBefore(end) ? s.endOr(end) : end;
        return Math.max(0, Duration.between(a, b).getSeconds());
    }

    /** A whole-second instant, uniform over the time the subscriber was online in the last day. */
    private Instant sampleCovered(List<PlannedSession> sessions) {
        long pick = random.nextLong(coveredSeconds(sessions));
        for (PlannedSession s : sessions) {
            long length = overlap(s);
            if (pick < length) {
                return (s.start().isAfter(dayStart) ? s.start() : dayStart).plusSeconds(pick);
            }
            pick -= length;
        }
        throw new IllegalStateException("sampled beyond covered time");
    }
}
