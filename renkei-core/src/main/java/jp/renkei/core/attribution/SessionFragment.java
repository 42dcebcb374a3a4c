package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the accounting records seen so far say about one session: a Start, Interims and a Stop may
 * arrive in different files, so fragments of the same session key are merged.
 */
public record SessionFragment(String sessionKey, String subscriberId, String ip, String nas, Instant start,
                              Optional<Instant> stop, Instant lastSeen, int records) {

    /** Rejects nulls. */
    public SessionFragment {
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** The fragment one record describes; empty for Accounting-On/Off, which belong to no session. */
    public static Optional<SessionFragment> of(AccountingRecord r) {
        Instant event = r.eventTime();
        // Interim and Stop carry the session's age, which recovers its start if the Start was lost.
        Instant derivedStart = r.sessionTime().isPresent() ? event.minusSeconds(r.sessionTime().getAsLong()) : event;
        return switch (r.status()) {
            case START -> Optional.of(fragment(r, event, Optional.empty()));
            case INTERIM_UPDATE -> Optional.of(fragment(r, derivedStart, Optional.empty()));
            case STOP -> Optional.of(fragment(r, derivedStart, Optional.of(event)));
            case ACCOUNTING_ON, ACCOUNTING_OFF -> Optional.empty();
        };
    }

    private static SessionFragment fragment(AccountingRecord r, Instant start, Optional<Instant> stop) {
        return new SessionFragment(r.sessionKey(), r.userName(), r.framedIp(), r.nas(), start, stop, r.eventTime(), 1);
    }

    /** Combines two fragments of the same session: earliest start, latest stop and last-seen. */
    public SessionFragment merge(SessionFragment other) {
        Optional<Instant> mergedStop = stop.isEmpty() ? other.stop
                : other.stop.isEmpty() ? stop : Optional.of(max(stop.get(), other.stop.get()));
        return new SessionFragment(sessionKey,
                subscriberId.isEmpty() ? other.subscriberId : subscriberId,
                ip.isEmpty() ? other.ip : ip,
                nas.isEmpty() ? other.nas : nas,
                start.isBefore(other.start) ? start : other.start,
                mergedStop,
                max(lastSeen, other.lastSeen),
                records + other.records);
    }

    /** This session as an assignment, open-ended while no Stop has been seen. */
    public Assignment toAssignment(String source) {
        return new Assignment(subscriberId, ip, start, stop, source);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
