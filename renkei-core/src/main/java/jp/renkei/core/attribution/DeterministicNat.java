package jp.renkei.core.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CGNAT pool with deterministic port mapping (RFC 7422): inside address number {@code i} of
 * {@code inside} always gets public address {@code i / perAddress} of {@code publicPrefix} and
 * ports {@code portOffset + (i % perAddress) * portsPerSubscriber} onwards, so (public IP, port)
 * names the inside address without per-connection logs. IPv4 only.
 */
public record DeterministicNat(IpPrefix inside, IpPrefix publicPrefix, int portsPerSubscriber, int portOffset) {

    /** The public address and port block that an inside address is translated to. */
    public record Endpoint(String publicIp, PortRange ports) {
    }

    /** Rejects IPv6, impossible port splits, and an inside prefix the public pool cannot hold. */
    public DeterministicNat {
        Objects.requireNonNull(inside, "inside");
        Objects.requireNonNull(publicPrefix, "publicPrefix");
        if (!inside.isIpv4() || !publicPrefix.isIpv4()) {
            throw new IllegalArgumentException("deterministic NAT pools are IPv4");
        }
        if (portOffset < 0 || portOffset > 65_535 || portsPerSubscriber < 1 || portsPerSubscriber > 65_536 - portOffset) {
            throw new IllegalArgumentException("ports per subscriber " + portsPerSubscriber + " from offset " + portOffset
                    + " do not fit in a public address");
        }
        long capacity = (1L << (32 - publicPrefix.length())) * ((65_536L - portOffset) / portsPerSubscriber);
        if ((1L << (32 - inside.length())) > capacity) {
            throw new IllegalArgumentException(inside + " has more addresses than " + publicPrefix + " has port blocks");
        }
    }

    /** Inside addresses that share one public address. */
    public int perAddress() {
        return (65_536 - portOffset) / portsPerSubscriber;
    }

    /** Whether the address is one of the pool's public addresses. */
    public boolean isPublic(String address) {
        return publicPrefix.contains(address);
    }

    /** The inside address behind (public IP, port); empty outside the pool or its port blocks. */
    public Optional<String> insideAddress(String publicIp, int port) {
        long p = IpBits.parseV4(publicIp);
        if (p < 0 || !publicPrefix.contains(publicIp) || port < portOffset) {
            return Optional.empty();
        }
        long block = (port - portOffset) / portsPerSubscriber;
        if (block >= perAddress()) {
            return Optional.empty();
        }
        long i = (p - publicBase()) * perAddress() + block;
        return i < insideSize() ? Optional.of(IpBits.v4Text((int) (insideBase() + i))) : Optional.empty();
    }

    /** Every inside address behind the public address, in port order; empty outside the pool. */
    public List<String> insideAddresses(String publicIp) {
        long p = IpBits.parseV4(publicIp);
        List<String> result = new ArrayList<>();
        if (p < 0 || !publicPrefix.contains(publicIp)) {
            return result;
        }
        long first = (p - publicBase()) * perAddress();
        for (long i = first; i < first + perAddress() && i < insideSize(); i++) {
            result.add(IpBits.v4Text((int) (insideBase() + i)));
        }
        return result;
    }

    /** Where the inside address appears on the Internet; empty when it is not in {@code inside}. */
    public Optional<Endpoint> endpoint(String insideIp) {
        long a = IpBits.parseV4(insideIp);
        if (a < 0 || !inside.contains(insideIp)) {
            return Optional.empty();
        }
        long i = a - insideBase();
        int first = portOffset + (int) (i % perAddress()) * portsPerSubscriber;
        return Optional.of(new Endpoint(IpBits.v4Text((int) (publicBase() + i / perAddress())),
                new PortRange(first, first + portsPerSubscriber - 1)));
    }

    private long insideBase() {
        return IpBits.parseV4(inside.network());
    }

    private long insideSize() {
        return 1L << (32 - inside.length());
    }

    private long publicBase() {
        return IpBits.parseV4(publicPrefix.network());
    }
}
