package jp.renkei.core.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One DHCP lease event from a forensic log; {@code validFor} is zero for a release. */
public record LeaseEvent(Kind kind, String subscriberId, IpPrefix prefix, Instant at, Duration validFor, String line) {

    /** What happened to the lease. */
    public enum Kind {
        /** A new lease. */
        ASSIGNED,
        /** The holder extended its lease. */
        RENEWED,
        /** The holder gave the lease back. */
        RELEASED
    }

    /** Rejects nulls. */
    public LeaseEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(validFor, "validFor");
        Objects.requireNonNull(line, "line");
    }
}
