package jp.renkei.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Plans subscriber sessions and hands out IPs from a dynamic pool smaller than the subscriber
 * count. The most recently freed IP is handed out first, so an IP passes between several
 * subscribers in a day, the case attribution must get right.
 */
final class SessionPlanner {

    /** Documentation ranges (RFC 5737), one per NAS. */
    static final String[] POOL_PREFIXES = {"203.0.113.", "198.51.100."};
    static final String[] NAS = {"192.0.2.1", "192.0.2.2"};

    private record Wanted(int subscriber, Instant start, Optional<Instant> stop) {
    }

    private SessionPlanner() {
    }

    static List<PlannedSession> plan(SplittableRandom random, List<SyntheticSubscriber> subscribers, int days,
                                     Instant end) {
        Instant windowStart = end.minus(Duration.ofDays(days));
        List<Wanted> wanted = new ArrayList<>(subscribers.size() * 21);
        for (int s = 0; s < subscribers.size(); s++) {
            Instant t = windowStart.plus(Duration.ofMinutes(random.nextInt(12 * 60)));
            while (t.isBefore(end)) {
                Instant stop = t.plus(duration(random));
                wanted.add(new Wanted(s, t, stop.isBefore(end) ? Optional.of(stop) : Optional.empty()));
                t = stop.plus(Duration.ofMinutes(5 + random.nextInt(48 * 60)));
            }
        }
        wanted.sort(Comparator.comparing(Wanted::start).thenComparingInt(Wanted::subscriber));
        return allocate(wanted, subscribers);
    }

    private static List<PlannedSession> allocate(List<Wanted> wanted, List<SyntheticSubscriber> subscribers) {
        Deque<String> free = new ArrayDeque<>();
        for (int p = POOL_PREFIXES.length - 1; p >= 0; p--) {
            for (int host = 254; host >= 1; host--) {
                free.push(POOL_PREFIXES[p] + host);
            }
        }
        PriorityQueue<PlannedSession> active = new PriorityQueue<>(
                Comparator.comparing((PlannedSession s) -> s.stop().orElseThrow()).thenComparingInt(PlannedSession::number));
        List<PlannedSession> sessions = new ArrayList<>(wanted.size());
        for (Wanted w : wanted) {
            // Stops at the very instant of this start are released first: the new session may
            // take the IP at the same second, the boundary case attribution must handle.
            while (!active.isEmpty() && !active.peek().stop().orElseThrow().isAfter(w.start())) {
                free.push(active.poll().ip());
            }
            if (free.isEmpty()) {
                continue; // pool exhausted: this subscriber simply stays offline
            }
            String ip = free.pop();
            String nas = NAS[ip.startsWith(POOL_PREFIXES[0]) ? 0 : 1];
            PlannedSession session = new PlannedSession(sessions.size() + 1, subscribers.get(w.subscriber()).id(),
                    ip, nas, w.start(), w.stop());
            sessions.add(session);
            if (session.stop().isPresent()) {
                active.add(session);
            }
        }
        return sessions;
    }

    /** 1 hour to 3 days, mostly short: averages about 12 hours, so the pool is not exhausted. */
    private static Duration duration(SplittableRandom random) {
        int bucket = random.nextInt(100);
        long minutes = bucket < 55 ? 60 + random.nextInt(5 * 60)
                : bucket < 90 ? 6 * 60 + random.nextInt(18 * 60)
                : 24 * 60 + random.nextInt(48 * 60 + 1);
        return Duration.ofMinutes(minutes);
    }
}
