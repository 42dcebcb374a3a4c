package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A period in which a subscriber held an IP, half-open {@code [from, to)}: at the instant one
 * session stops and the next starts on the same IP, the new session holds it. {@code to} is
 * empty while the session is still open (or its Stop was lost).
 */
public record Assignment(String subscriberId, String ip, Instant from, Optional<Instant> to, String source) {

    /** Rejects nulls and periods that end before they begin. */
    public Assignment {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new IllegalArgumentException("assignment of " + ip + " ends " + to.get() + " before it starts " + from);
        }
    }

    /** Whether the subscriber held the IP at this instant. */
    public boolean covers(Instant t) {
        return !t.isBefore(from) && (to.isEmpty() || t.isBefore(to.get()));
    }

    /** Whether a Stop (or a NAS restart) closed this period. */
    public boolean isClosed() {
        return to.isPresent();
    }
}
