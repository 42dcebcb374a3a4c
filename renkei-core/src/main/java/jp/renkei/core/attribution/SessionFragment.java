package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the accounting records seen so far say about one session: a Start, Interims and a Stop may
 * arrive in different files, so fragments of the same session key are merged.
 */
public record SessionFragment(String sessionKey, String subscriberId, String ip, String nas, Instant start,
                              Optional<Instant> stop, Instant lastSeen, int records, List<String> ipv6Prefixes,
                              String accessLine) {

    /** The IPv4-era shape: no IPv6 prefixes, no access line. */
    public SessionFragment(String sessionKey, String subscriberId, String ip, String nas, Instant start,
                           Optional<Instant> stop, Instant lastSeen, int records) {
        this(sessionKey, subscriberId, ip, nas, start, stop, lastSeen, records, List.of(), "");
    }

    /** Rejects nulls. */
    public SessionFragment {
        ipv6Prefixes = List.copyOf(ipv6Prefixes);
        Objects.requireNonNull(accessLine, "accessLine");
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
        return new SessionFragment(r.sessionKey(), r.userName(), r.framedIp(), r.nas(), start, stop, r.eventTime(), 1,
                r.ipv6Prefixes(), r.accessLine());
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
                records + other.records,
                union(ipv6Prefixes, other.ipv6Prefixes),
                accessLine.isEmpty() ? other.accessLine : accessLine);
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (b.isEmpty() || a.equals(b)) {
            return a;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** This session's IPv4 (or framed IPv6) address as an assignment, open-ended while no Stop has been seen. */
    public Assignment toAssignment(String source) {
        return new Assignment(subscriberId, ip, start, stop, source);
    }

    /** Every address and prefix the session held, ending at {@code end} (its Stop or its NAS's restart). */
    public List<Assignment> toAssignments(String source, Optional<Instant> end) {
        List<Assignment> result = new ArrayList<>(1 + ipv6Prefixes.size());
        if (!ip.isEmpty()) {
            result.add(new Assignment(subscriberId, ip, ip.indexOf(':') >= 0 ? 128 : 32, PortRange.ALL, start, end,
                    source, accessLine));
        }
        for (String prefix : ipv6Prefixes) {
            result.add(Assignment.ofPrefix(subscriberId, IpPrefix.parse(prefix), start, end, source, accessLine));
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
