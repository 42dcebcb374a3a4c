package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A period, half-open {@code [from, to)}, in which a subscriber held an address, an IPv6 prefix
 * ({@code prefixLength} below 128) or a CGNAT port block ({@code ports} restricted). At the instant
 * one session stops and the next starts on the same address, the new session holds it. {@code to}
 * is empty while the session is still open (or its Stop was lost). {@code ip} is the canonical
 * (network) address; {@code line} is the access-line identity (option-82 circuit-id/remote-id,
 * NAS port), empty when the source has none.
 */
public record Assignment(String subscriberId, String ip, int prefixLength, PortRange ports, Instant from,
                         Optional<Instant> to, String source, String line) {

    /** Rejects nulls, bad prefix lengths and periods that end before they begin. */
    public Assignment {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(line, "line");
        if (prefixLength < 0 || prefixLength > (ip.indexOf(':') >= 0 ? 128 : 32)) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + ip);
        }
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new IllegalArgumentException("assignment of " + ip + " ends " + to.get() + " before it starts " + from);
        }
    }

    /** One whole address (every port), no line identity: what a RADIUS session assigns. */
    public Assignment(String subscriberId, String ip, Instant from, Optional<Instant> to, String source) {
        this(subscriberId, ip, ip.indexOf(':') >= 0 ? 128 : 32, PortRange.ALL, from, to, source, "");
    }

    /** A delegated or framed prefix (IPv6 prefix delegation, or any prefix). */
    public static Assignment ofPrefix(String subscriberId, IpPrefix prefix, Instant from, Optional<Instant> to,
                                      String source, String line) {
        return new Assignment(subscriberId, prefix.network(), prefix.length(), PortRange.ALL, from, to, source, line);
    }

    /** A CGNAT port block of a public address. */
    public static Assignment ofPortBlock(String subscriberId, String publicIp, PortRange ports, Instant from,
                                         Optional<Instant> to, String source, String line) {
        return new Assignment(subscriberId, publicIp, publicIp.indexOf(':') >= 0 ? 128 : 32, ports, from, to, source,
                line);
    }

    /** The address or prefix this assignment holds. */
    public IpPrefix prefix() {
        return new IpPrefix(ip, prefixLength);
    }

    /** Whether the subscriber held the IP at this instant. */
    public boolean covers(Instant t) {
        return !t.isBefore(from) && (to.isEmpty() || t.isBefore(to.get()));
    }

    /** Whether a Stop (or a NAS restart, a release, an expiry) closed this period. */
    public boolean isClosed() {
        return to.isPresent();
    }

    /** Whether only a block of ports of a shared address was held. */
    public boolean isPortRestricted() {
        return ports.isRestricted();
    }
}
