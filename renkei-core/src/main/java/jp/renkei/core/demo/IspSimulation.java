package jp.renkei.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs the synthetic ISP's days as events in time order, in memory proportional to subscribers,
 * not sessions: subscribers connect, get an address from a pool that hands the most recently
 * freed one out first (so an IP passes between several subscribers in a day), send interims,
 * disconnect; NASes reboot and forget their sessions without Stops. The same seed replays the
 * same events, so each file is written by running it again.
 */
final class IspSimulation {

    /** What the simulation reports, in time order. */
    interface Listener {
        default void started(PlannedSession s) {
        }

        default void interim(PlannedSession s, Instant at) {
        }

        default void stopped(PlannedSession s) {
        }

        default void nasRestarted(String nas, Instant at) {
        }

        /** Every session once its true end is known, or at the end of the data when still open. */
        default void ended(PlannedSession s) {
        }
    }

    static final long INTERIM_SECONDS = RadiusDetailWriter.INTERIM_INTERVAL.getSeconds();

    // At one second: Stops first (the NAS reports them first, and the IP is free again), then
    // reboots, interims, and Starts last, so a Start at a reboot's second survives it.
    private static final int STOP = 0;
    private static final int REBOOT = 1;
    private static final int INTERIM = 2;
    private static final int START = 3;

    private final long seed;
    private final SyntheticIsp.Options options;
    private final AddressPlan plan;
    private final Instant windowStart;
    private final long endSecond;
    private final Listener listener;

    private final int[] session;
    private final long[] started;
    private final long[] plannedStop;
    private final int[] gap;
    private final int[] wanted;
    private final int[] ip;
    private final int[] prefix;
    private final int[] block;
    private final int[] freeIps;
    private int freeIpCount;
    private final int[] freeBlocks;
    private int freeBlockCount;
    private int[] freePrefixes = new int[1_024];
    private int freePrefixCount;
    private int nextPrefix;
    private final EventHeap events = new EventHeap();
    private int sessions;

    IspSimulation(long seed, SyntheticIsp.Options options, Listener listener) {
        this.seed = seed;
        this.options = options;
        int n = options.subscribers();
        this.plan = options.addressPlan();
        this.windowStart = options.end().minus(Duration.ofDays(options.days()));
        this.endSecond = options.days() * 86_400L;
        this.listener = listener;
        session = new int[n];
        started = new long[n];
        plannedStop = new long[n];
        gap = new int[n];
        wanted = new int[n];
        ip = new int[n];
        prefix = new int[n];
        block = new int[n];
        freeIps = new int[plan.poolSize];
        for (int p = plan.poolSize - 1; p >= 0; p--) {
            freeIps[freeIpCount++] = p;
        }
        freeBlocks = new int[plan.cgnatBlocks];
        for (int b = plan.cgnatBlocks - 1; b >= 0; b--) {
            freeBlocks[freeBlockCount++] = b;
        }
    }

    /** Runs to the end; returns the number of sessions. */
    int run() {
        int n = options.subscribers();
        for (int s = 0; s < n; s++) {
            schedule(new SplittableRandom(mix(s, -1)).nextInt(12 * 60) * 60L, START, s);
        }
        if (options.nasReboots()) {
            SplittableRandom random = new SplittableRandom(seed ^ 0xB007L);
            for (int nas = 0; nas < plan.nasCount; nas++) {
                for (int r = 0; r < 1 + options.days() / 7; r++) {
                    schedule(3_600 + random.nextLong(endSecond - 3_600), REBOOT, nas);
                }
            }
        }
        while (!events.isEmpty()) {
            long key = events.peekKey();
            int payload = events.peekPayload();
            events.pop();
            long t = key >>> 22;
            int kind = (int) (key >>> 20) & 3;
            int s = (int) (key & 0xF_FFFF);
            switch (kind) {
                case START -> start(s, t);
                case STOP -> {
                    if (session[s] == payload) {
                        PlannedSession ps = current(s, Optional.of(t));
                        listener.stopped(ps);
                        end(s, ps, t + gap[s]);
                    }
                }
                case INTERIM -> {
                    if (session[s] == payload) {
                        listener.interim(current(s, Optional.empty()), instant(t));
                        scheduleInterim(s, t + INTERIM_SECONDS);
                    }
                }
                default -> reboot(s, t);
            }
        }
        for (int s = 0; s < n; s++) {
            if (session[s] != 0) {
                listener.ended(current(s, Optional.empty()));
            }
        }
        return sessions;
    }

    private void start(int s, long t) {
        SplittableRandom random = new SplittableRandom(mix(s, wanted[s]++));
        long stop = t + duration(random);
        gap[s] = 5 * 60 + random.nextInt(48 * 60) * 60;
        boolean cgnat = options.isCgnat(s);
        if (cgnat ? freeBlockCount == 0 : freeIpCount == 0) {
            if (stop + gap[s] < endSecond) {
                schedule(stop + gap[s], START, s); // pool exhausted: this subscriber stays offline
            }
            return;
        }
        if (cgnat) {
            block[s] = freeBlocks[--freeBlockCount];
        } else {
            ip[s] = freeIps[--freeIpCount];
        }
        prefix[s] = -1;
        if (options.hasIpv6(s)) {
            prefix[s] = freePrefixCount > 0 ? freePrefixes[--freePrefixCount] : nextPrefix++;
        }
        session[s] = ++sessions;
        started[s] = t;
        plannedStop[s] = stop < endSecond ? stop : Long.MAX_VALUE;
        listener.started(current(s, Optional.empty()));
        if (stop < endSecond) {
            events.push(key(stop, STOP, s), session[s]);
        }
        scheduleInterim(s, t + INTERIM_SECONDS);
    }

    private void scheduleInterim(int s, long t) {
        if (t < endSecond && t < plannedStop[s]) {
            events.push(key(t, INTERIM, s), session[s]);
        }
    }

    private void reboot(int nas, long t) {
        listener.nasRestarted(plan.nas(nas), instant(t));
        SplittableRandom random = new SplittableRandom(mix(nas, (int) t));
        for (int s = 0; s < session.length; s++) {
            if (session[s] != 0 && nasOf(s) == nas) {
                end(s, current(s, Optional.of(t)), t + 60 + random.nextInt(540));
            }
        }
    }

    private void end(int s, PlannedSession ps, long nextStart) {
        listener.ended(ps);
        if (ps.isCgnat()) {
            freeBlocks[freeBlockCount++] = block[s];
        } else {
            freeIps[freeIpCount++] = ip[s];
        }
        if (prefix[s] >= 0) {
            if (freePrefixCount == freePrefixes.length) {
                freePrefixes = java.util.Arrays.copyOf(freePrefixes, freePrefixCount * 2);
            }
            freePrefixes[freePrefixCount++] = prefix[s];
        }
        session[s] = 0;
        if (nextStart < endSecond) {
            schedule(nextStart, START, s);
        }
    }

    private int nasOf(int s) {
        return options.isCgnat(s) ? plan.nasOfInside(options.cgnatNumber(s)) : plan.nasOfPool(ip[s]);
    }

    private PlannedSession current(int s, Optional<Long> stop) {
        boolean cgnat = options.isCgnat(s);
        int firstPort = cgnat ? AddressPlan.cgnatFirstPort(block[s]) : 0;
        return new PlannedSession(session[s], SyntheticIsp.subscriberId(s),
                cgnat ? AddressPlan.insideIp(options.cgnatNumber(s)) : AddressPlan.poolIp(ip[s]), plan.nas(nasOf(s)),
                instant(started[s]), stop.map(this::instant), prefix[s] < 0 ? "" : AddressPlan.ipv6Prefix(prefix[s]),
                cgnat ? AddressPlan.cgnatPublicIp(block[s]) : "", firstPort,
                cgnat ? firstPort + AddressPlan.PORTS_PER_BLOCK - 1 : 0);
    }

    private void schedule(long t, int kind, int id) {
        events.push(key(t, kind, id), 0);
    }

    private static long key(long t, int kind, int id) {
        return (t << 22) | ((long) kind << 20) | id;
    }

    private Instant instant(long second) {
        return windowStart.plusSeconds(second);
    }

    private long mix(int subscriber, int k) {
        long z = seed * 0x9E37_79B9_7F4A_7C15L + subscriber * 0xBF58_476D_1CE4_E5B9L + k * 0x94D0_49BB_1331_11EBL;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        return z ^ (z >>> 31);
    }

    /** 1 hour to 3 days, mostly short: averages about 12 hours, so the pool is not exhausted. */
    private static long duration(SplittableRandom random) {
        int bucket = random.nextInt(100);
        long minutes = bucket < 55 ? 60 + random.nextInt(5 * 60)
                : bucket < 90 ? 6 * 60 + random.nextInt(18 * 60)
                : 24 * 60 + random.nextInt(48 * 60 + 1);
        return minutes * 60;
    }
}
