package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * One organisation's assignments in memory, answering exactly as {@link Attributor} does but
 * without an object per assignment: IPv4 addresses in sorted int columns, IPv6 and other prefixes
 * in a separate 128-bit table, subscriber ids interned. Immutable and thread-safe; build it with
 * {@link #builder(AttributionPolicy)}. Times are kept to the microsecond.
 */
public final class AttributionIndex {

    private static final PortRange ALL = PortRange.ALL;

    private final AttributionPolicy policy;
    private final AssignmentColumns narrow;
    private final AssignmentColumns wide;
    private final int[] wideLengths;
    private final boolean wideHasV4;
    private final String[] subscribers;
    private final String[] lines;
    private final String[] sources;
    private final long[] poolHi;
    private final long[] poolLo;
    private final int[] poolLength;
    private final long toleranceMicros;
    private final long retainedSinceMicros;
    private final boolean plainV4;

    private AttributionIndex(Builder b) {
        this.policy = b.policy;
        this.narrow = b.narrow.sorted();
        this.wide = b.wide.sorted();
        TreeSet<Integer> lengths = new TreeSet<>();
        boolean v4 = false;
        for (int i = 0; i < wide.size; i++) {
            lengths.add(wide.len[i] & 0xff);
            v4 |= IpBits.isV4(wide.hi[i], wide.lo[i]) && (wide.len[i] & 0xff) >= 96;
        }
        this.wideLengths = lengths.descendingSet().stream().mapToInt(Integer::intValue).toArray();
        this.wideHasV4 = v4;
        // Sorted, so a subscriber id finds its index by binary search without a second map.
        String[] unsorted = b.subscribers.table();
        Integer[] order = new Integer[unsorted.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> unsorted[x].compareTo(unsorted[y]));
        int[] rank = new int[unsorted.length];
        this.subscribers = new String[unsorted.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
            subscribers[i] = unsorted[order[i]];
        }
        for (AssignmentColumns c : List.of(narrow, wide)) {
            for (int i = 0; i < c.size; i++) {
                c.subscriber[i] = rank[c.subscriber[i]];
            }
        }
        this.lines = b.lines.table();
        this.sources = b.sources.table();
        List<IpPrefix> pools = new ArrayList<>(policy.pools());
        if (!pools.isEmpty()) {
            policy.deterministicNat().forEach(n -> pools.add(n.publicPrefix()));
        }
        poolHi = pools.stream().mapToLong(IpPrefix::networkHi).toArray();
        poolLo = pools.stream().mapToLong(IpPrefix::networkLo).toArray();
        poolLength = pools.stream().mapToInt(IpPrefix::wideLength).toArray();
        toleranceMicros = micros(Instant.EPOCH.plus(policy.clockSkew()));
        retainedSinceMicros = policy.retainedSince().map(AttributionIndex::micros).orElse(Long.MIN_VALUE);
        plainV4 = poolHi.length == 0 && policy.deterministicNat().isEmpty() && !wideHasV4;
    }

    /** A builder for an index answering under this policy. */
    public static Builder builder(AttributionPolicy policy) {
        return new Builder(policy);
    }

    /** Who held the address at that instant (no port known). */
    public Attribution attribute(String ip, Instant at) {
        return attribute(ip, OptionalInt.empty(), at);
    }

    /** Who held this port of the address at that instant (CGNAT port blocks, deterministic NAT). */
    public Attribution attribute(String ip, int port, Instant at) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        return attribute(ip, OptionalInt.of(port), at);
    }

    /**
     * The same answer as {@link Attributor#attribute(String, OptionalInt, Instant, java.util.Collection,
     * AttributionPolicy)} over the indexed assignments and this index's policy.
     *
     * @throws IllegalArgumentException when {@code ip} is not one IP address
     */
    public Attribution attribute(String ip, OptionalInt port, Instant at) {
        long v4 = IpBits.parseV4(ip);
        long[] bits = v4 >= 0 ? null : IpBits.parse(ip);
        if (v4 < 0 && bits == null) {
            throw new IllegalArgumentException("not an IP address: '" + ip + "'");
        }
        long hi = v4 >= 0 ? 0L : bits[0];
        long lo = v4 >= 0 ? IpBits.V4_MAPPED_LO | v4 : bits[1];
        if (!isOurs(hi, lo)) {
            return new Attribution.Unattributed(UnattributedReason.NOT_OUR_ADDRESS);
        }
        long t = micros(at);
        if (t < retainedSinceMicros) {
            return new Attribution.Unattributed(UnattributedReason.LOG_EXPIRED);
        }
        if (v4 >= 0) {
            for (DeterministicNat nat : policy.deterministicNat()) {
                if (nat.publicPrefix().contains(hi, lo)) {
                    return throughNat(nat, ip, port, at);
                }
            }
        }
        return lookup(hi, lo, port.orElse(-1), at, t);
    }

    /**
     * For benchmarks and bulk work: the subscriber index ({@link #subscriberId(int)}) named for each
     * (IPv4 address as int, epoch second), or -1 where the answer names nobody (no assignment,
     * shared address, log expired, not ours). Same decisions as {@link #attribute(String, Instant)}.
     */
    public void attributeIpv4(int[] addresses, long[] epochSeconds, int[] subscriberOut) {
        for (int i = 0; i < addresses.length; i++) {
            subscriberOut[i] = subscriberIndex(addresses[i], epochSeconds[i]);
        }
    }

    /**
     * One lookup without allocation in the common case: the subscriber index named for the IPv4
     * address (as int) at the epoch second, or -1 as in {@link #attributeIpv4}.
     */
    public int subscriberIndex(int ipv4, long epochSecond) {
        long t = epochSecond * 1_000_000L;
        int row = plainV4 && t >= retainedSinceMicros ? soleCoveringRow(ipv4, -1, t) : -2;
        if (row >= 0) {
            return narrow.subscriber[row];
        }
        if (row == -1) {
            return -1;
        }
        Attribution a = attribute(IpBits.v4Text(ipv4), Instant.ofEpochSecond(epochSecond));
        return a instanceof Attribution.Attributed hit ? Arrays.binarySearch(subscribers, hit.assignment().subscriberId()) : -1;
    }

    /** The subscriber id behind an index from {@link #attributeIpv4} or {@link #subscriberIndex}. */
    public String subscriberId(int index) {
        return subscribers[index];
    }

    /** Number of assignments indexed. */
    public int size() {
        return narrow.size + wide.size;
    }

    /** The policy this index answers under. */
    public AttributionPolicy policy() {
        return policy;
    }

    /** Approximate heap bytes held: the columns plus the interned strings. */
    public long estimatedBytes() {
        return narrow.bytes() + wide.bytes() + strings(subscribers) + strings(lines) + strings(sources) + 256;
    }

    private static long strings(String[] table) {
        long total = 16L + 4L * table.length;
        for (String s : table) {
            total += 56 + s.length();
        }
        return total;
    }

    private Attribution throughNat(DeterministicNat nat, String ip, OptionalInt port, Instant at) {
        if (port.isPresent()) {
            Optional<String> behind = nat.insideAddress(ip, port.getAsInt());
            return behind.isEmpty() ? new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT)
                    : insideLookup(behind.get(), at);
        }
        return Attributor.sharedAmong(nat.insideAddresses(ip).stream().map(b -> insideLookup(b, at)).toList());
    }

    private Attribution insideLookup(String inside, Instant at) {
        return lookup(0L, IpBits.V4_MAPPED_LO | IpBits.parseV4(inside), -1, at, micros(at));
    }

    private Attribution lookup(long hi, long lo, int port, Instant at, long t) {
        boolean v4 = IpBits.isV4(hi, lo);
        if (v4 && !wideHasV4) {
            int row = soleCoveringRow((int) lo, port, t);
            if (row >= 0) {
                return new Attribution.Attributed(narrowAssignment(row));
            }
            if (row == -1) {
                return new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT);
            }
        }
        List<Assignment> near = new ArrayList<>(4);
        if (v4) {
            collectNarrow((int) lo, port, t, near);
        }
        if (v4 ? wideHasV4 : wide.size > 0) {
            collectWide(hi, lo, port, t, near);
        }
        return Attributor.decide(at, port >= 0, near, policy.clockSkew());
    }

    /**
     * The one row near the instant when it also covers it (the common case), -1 when no row is
     * near, -2 when the full decision is needed.
     */
    private int soleCoveringRow(int address, int port, long t) {
        AssignmentColumns c = narrow;
        int g = c.group(address);
        if (g < 0) {
            return -1;
        }
        int first = c.groupStart[g];
        int found = -1;
        for (int i = c.lastInGroupAtOrBefore(g, t + toleranceMicros); i >= first && c.maxTo[i] > t - toleranceMicros; i--) {
            if (c.to[i] > t - toleranceMicros && (port < 0 || (port >= c.portFirst[i] && port <= c.portLast[i]))) {
                if (found != -1) {
                    return -2;
                }
                found = i;
            }
        }
        return found >= 0 && (c.from[found] > t || c.to[found] <= t) ? -2 : found;
    }

    private void collectNarrow(int address, int port, long t, List<Assignment> out) {
        AssignmentColumns c = narrow;
        int g = c.group(address);
        if (g < 0) {
            return;
        }
        int first = c.groupStart[g];
        for (int i = c.lastInGroupAtOrBefore(g, t + toleranceMicros); i >= first && c.maxTo[i] > t - toleranceMicros; i--) {
            if (c.to[i] > t - toleranceMicros && (port < 0 || (port >= c.portFirst[i] && port <= c.portLast[i]))) {
                out.add(narrowAssignment(i));
            }
        }
    }

    private void collectWide(long hi, long lo, int port, long t, List<Assignment> out) {
        AssignmentColumns c = wide;
        for (int length : wideLengths) {
            long kh = hi & IpBits.maskHi(length);
            long kl = lo & IpBits.maskLo(length);
            for (int i = c.lastAtOrBefore(length, kh, kl, t + toleranceMicros);
                 i >= 0 && (c.len[i] & 0xff) == length && c.hi[i] == kh && c.lo[i] == kl
                         && c.maxTo[i] > t - toleranceMicros; i--) {
                if (c.to[i] > t - toleranceMicros && (port < 0 || (port >= c.portFirst[i] && port <= c.portLast[i]))) {
                    out.add(wideAssignment(i));
                }
            }
        }
    }

    private boolean isOurs(long hi, long lo) {
        if (poolHi.length == 0) {
            return true;
        }
        for (int i = 0; i < poolHi.length; i++) {
            if ((hi & IpBits.maskHi(poolLength[i])) == poolHi[i] && (lo & IpBits.maskLo(poolLength[i])) == poolLo[i]) {
                return true;
            }
        }
        return false;
    }

    private Assignment narrowAssignment(int i) {
        AssignmentColumns c = narrow;
        return new Assignment(subscribers[c.subscriber[i]], IpBits.v4Text(c.v4[i]), 32, ports(c, i), instant(c.from[i]),
                c.to[i] == AssignmentColumns.OPEN ? Optional.empty() : Optional.of(instant(c.to[i])),
                sources[c.source[i] & 0xff], lines[c.line[i]]);
    }

    private Assignment wideAssignment(int i) {
        AssignmentColumns c = wide;
        int length = c.len[i] & 0xff;
        boolean v4 = IpBits.isV4(c.hi[i], c.lo[i]) && length >= 96;
        return new Assignment(subscribers[c.subscriber[i]], IpBits.text(c.hi[i], c.lo[i]), v4 ? length - 96 : length,
                ports(c, i), instant(c.from[i]),
                c.to[i] == AssignmentColumns.OPEN ? Optional.empty() : Optional.of(instant(c.to[i])),
                sources[c.source[i] & 0xff], lines[c.line[i]]);
    }

    private static PortRange ports(AssignmentColumns c, int i) {
        return c.portFirst[i] == 0 && c.portLast[i] == 65_535 ? ALL : new PortRange(c.portFirst[i], c.portLast[i]);
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Collects assignments; {@link #build()} may be called repeatedly, each time a new snapshot. */
    public static final class Builder {

        private final AttributionPolicy policy;
        private final AssignmentColumns narrow = new AssignmentColumns(false, 1_024);
        private final AssignmentColumns wide = new AssignmentColumns(true, 64);
        private final Interner subscribers = new Interner();
        private final Interner lines = new Interner();
        private final Interner sources = new Interner();

        private Builder(AttributionPolicy policy) {
            this.policy = policy;
            lines.index("");
        }

        /** Adds one assignment of any shape. */
        public Builder add(Assignment a) {
            long fromMicros = micros(a.from());
            long toMicros = a.to().map(AttributionIndex::micros).orElse(AssignmentColumns.OPEN);
            int sub = subscribers.index(a.subscriberId());
            int line = lines.index(a.line());
            int source = sourceIndex(a.source());
            long v4 = a.prefixLength() == 32 ? IpBits.parseV4(a.ip()) : -1L;
            if (v4 >= 0) {
                narrow.add((int) v4, 0, 0, 0, fromMicros, toMicros, sub, line, source, a.ports().first(), a.ports().last());
            } else {
                long[] bits = IpBits.parse(a.ip());
                if (bits == null) {
                    throw new IllegalArgumentException("not an IP address: '" + a.ip() + "'");
                }
                int length = a.ip().indexOf(':') >= 0 ? a.prefixLength() : a.prefixLength() + 96;
                wide.add(0, bits[0] & IpBits.maskHi(length), bits[1] & IpBits.maskLo(length), length, fromMicros,
                        toMicros, sub, line, source, a.ports().first(), a.ports().last());
            }
            return this;
        }

        /** Adds every assignment. */
        public Builder addAll(Iterable<Assignment> assignments) {
            assignments.forEach(this::add);
            return this;
        }

        /**
         * Adds a whole-address IPv4 session without creating objects: for bulk loads. {@code
         * toEpochSecond} is {@link Long#MAX_VALUE} for an open session; no line identity.
         */
        public Builder addIpv4(int address, long fromEpochSecond, long toEpochSecond, String subscriberId,
                               String source) {
            if (toEpochSecond < fromEpochSecond) {
                throw new IllegalArgumentException("assignment ends before it starts");
            }
            narrow.add(address, 0, 0, 0, fromEpochSecond * 1_000_000L,
                    toEpochSecond == Long.MAX_VALUE ? AssignmentColumns.OPEN : toEpochSecond * 1_000_000L,
                    subscribers.index(subscriberId), 0, sourceIndex(source), 0, 65_535);
            return this;
        }

        /** Number of assignments added so far. */
        public int size() {
            return narrow.size + wide.size;
        }

        /** An immutable index of everything added so far. */
        public AttributionIndex build() {
            return new AttributionIndex(this);
        }

        private int sourceIndex(String source) {
            int i = sources.index(source);
            if (i > 255) {
                throw new IllegalStateException("more than 256 distinct assignment sources");
            }
            return i;
        }
    }

    /** Strings to dense ints and back. */
    private static final class Interner {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int index(String s) {
            Integer i = index.get(s);
            if (i == null) {
                i = values.size();
                index.put(s, i);
                values.add(s);
            }
            return i;
        }

        String[] table() {
            return values.toArray(String[]::new);
        }
    }
}
