package jp.renkei.core.intake;

import java.util.OptionalInt;
import jp.renkei.core.net.IpAddresses;

/**
 * Address and port parsing on the import hot path: a plain dotted quad (the bulk of every report)
 * is checked by hand and is already canonical; anything else goes to {@link IpAddresses}.
 */
final class FastIp {

    private static final OptionalInt[] PORTS = new OptionalInt[1024];

    static {
        for (int i = 0; i < PORTS.length; i++) {
            PORTS[i] = OptionalInt.of(i);
        }
    }

    private FastIp() {
    }

    /** Canonical address text, or {@code null} when the text is not one IP address. */
    static String canonical(String text) {
        if (isPlainIpv4(text)) {
            return text;
        }
        try {
            return IpAddresses.canonical(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isPlainIpv4(String s) {
        int n = s.length();
        if (n < 7 || n > 15) {
            return false;
        }
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i == n ? '.' : s.charAt(i);
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                parts++;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                // "010" is ambiguous (octal to some parsers): leave it to the strict library.
                if (digits == 1 && value == 0) {
                    return false;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (digits > 3) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** An empty port for blank text, the port for 0–65535, {@code null} for anything else. */
    static OptionalInt port(String text) {
        int n = text.length();
        if (n == 0) {
            return OptionalInt.empty();
        }
        if (n > 5) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        if (value > 65_535) {
            return null;
        }
        return value < PORTS.length ? PORTS[value] : OptionalInt.of(value);
    }
}
