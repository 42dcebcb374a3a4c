package jp.renkei.core.attribution;

/** An inclusive range of transport ports; {@link #ALL} for an assignment that holds every port. */
public record PortRange(int first, int last) {

    /** Every port: an ordinary (not shared) address. */
    public static final PortRange ALL = new PortRange(0, 65_535);

    /** Rejects ports outside 0–65535 and reversed ranges. */
    public PortRange {
        if (first < 0 || last > 65_535 || last < first) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
    }

    /** Whether the port lies in the range. */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** Whether this is a block of a shared (CGNAT) address rather than every port. */
    public boolean isRestricted() {
        return first != 0 || last != 65_535;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
