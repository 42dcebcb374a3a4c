package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.Rejection;

/**
 * Folds lease events, in log order, into assignments: a renewal by the holder extends its period,
 * a release ends it, a lease of the same address to someone else ends the previous one, and a
 * lease nobody renewed ends when it expires. Memory grows with addresses, not events.
 */
public final class LeaseHistory {

    private record Held(LeaseEvent first, Instant until, String line) {
    }

    private final Map<IpPrefix, Held> current = new HashMap<>();
    private final List<Assignment> ended = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    /** Adds one event. */
    public void add(LeaseEvent e) {
        Held held = current.get(e.prefix());
        if (held != null && (e.at().isAfter(held.until()) || !held.first().subscriberId().equals(e.subscriberId()))) {
            close(held, min(held.until(), e.at()));
            held = null;
            current.remove(e.prefix());
        }
        switch (e.kind()) {
            case ASSIGNED, RENEWED -> {
                Instant until = e.at().plus(e.validFor());
                current.put(e.prefix(), held == null ? new Held(e, until, e.line())
                        : new Held(held.first(), max(held.until(), until), held.line().isEmpty() ? e.line() : held.line()));
            }
            case RELEASED -> {
                if (held != null) {
                    close(held, e.at());
                    current.remove(e.prefix());
                }
            }
        }
    }

    /** Adds every event a reader yields, keeping its rejections. */
    public LeaseHistory addAll(java.util.Iterator<? extends Parsed<LeaseEvent>> events) {
        while (events.hasNext()) {
            Parsed<LeaseEvent> p = events.next();
            if (p instanceof Parsed.Row<LeaseEvent> row) {
                add(row.value());
            } else if (p instanceof Parsed.Rejected<LeaseEvent> rejected) {
                rejections.add(rejected.toRejection());
            }
        }
        return this;
    }

    /** Lines {@link #addAll} could not use. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** Every lease period seen; one still running ends at its expiry. */
    public List<Assignment> assignments(String source) {
        List<Assignment> result = new ArrayList<>(ended.size() + current.size());
        for (Assignment a : ended) {
            result.add(withSource(a, source));
        }
        current.values().forEach(h -> result.add(withSource(toAssignment(h, h.until()), source)));
        return result;
    }

    private void close(Held held, Instant end) {
        ended.add(toAssignment(held, end));
    }

    private static Assignment toAssignment(Held h, Instant end) {
        LeaseEvent e = h.first();
        return Assignment.ofPrefix(e.subscriberId(), e.prefix(), e.at(), Optional.of(max(end, e.at())), "", h.line());
    }

    private static Assignment withSource(Assignment a, String source) {
        return new Assignment(a.subscriberId(), a.ip(), a.prefixLength(), a.ports(), a.from(), a.to(), source, a.line());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
