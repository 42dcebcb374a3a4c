package jp.renkei.core.quarantine;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SOA serials that increase on every regeneration in RFC 1982 serial arithmetic, so BIND and
 * any secondary take the new zone: the current Unix time, or one more than the last serial when
 * that is not greater (two regenerations in one second, or an older date-based serial).
 */
public final class ZoneSerial {

    private static final long MODULUS = 1L << 32;
    private static final Pattern SOA = Pattern.compile("(?m)^\\S+\\s+(?:\\d+\\s+)?IN\\s+SOA\\s+\\S+\\s+\\S+\\s+\\(?\\s*(\\d+)");

    private ZoneSerial() {
    }

    /** The serial for the next version of a zone whose last serial was {@code previous}. */
    public static long next(OptionalLong previous, Instant now) {
        long clock = now.getEpochSecond() % MODULUS;
        if (previous.isEmpty()) {
            return clock;
        }
        long last = previous.getAsLong();
        if (last < 0 || last >= MODULUS) {
            throw new IllegalArgumentException("SOA serial " + last + " outside 0.." + (MODULUS - 1));
        }
        return isGreater(clock, last) ? clock : (last + 1) % MODULUS;
    }

    /** Whether {@code a} is greater than {@code b} in serial arithmetic (RFC 1982 section 3.2). */
    public static boolean isGreater(long a, long b) {
        long half = MODULUS / 2;
        return a < b && b - a > half || a > b && a - b < half;
    }

    /** The serial of the first SOA record in a zone file's text, empty when there is none. */
    public static OptionalLong readFrom(String zoneText) {
        Matcher m = SOA.matcher(zoneText);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
