package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;

/**
 * The fallback order for ecosystems without a scheme of their own: digit runs compare as numbers,
 * letter runs as text (ignoring case first), anything else separates. Text sorts before the end
 * of a version and numbers after it, so {@code 1.0rc1 < 1.0 < 1.0.1}.
 */
final class NaturalScheme implements VersionScheme {

    static final NaturalScheme INSTANCE = new NaturalScheme();

    private NaturalScheme() {
    }

    @Override
    public String name() {
        return "natural";
    }

    @Override
    public VersionKey parse(String version) {
        return new Key(tokens(version));
    }

    /** Digit runs (leading zeros dropped) and letter runs; separators vanish. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (isDigit(c)) {
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                out.add(stripZeros(s.substring(start, i)));
            } else if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(start, i));
            } else {
                i++;
            }
        }
        return out;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNumber(String token) {
        return !token.isEmpty() && isDigit(token.charAt(0));
    }

    static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code "007"} → {@code "7"}, {@code "000"} → {@code "0"}: numbers of any length, no overflow. */
    static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    /** Compares two digit strings without leading zeros as numbers of any size. */
    static int compareNumbers(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    static int compareTokens(List<String> a, List<String> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareToken(i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    // Rank: text < end of version < number.
    private static int compareToken(String a, String b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra == 2) {
            return compareNumbers(a, b);
        }
        if (ra == 0) {
            int c = a.compareToIgnoreCase(b);
            return c != 0 ? c : a.compareTo(b);
        }
        return 0;
    }

    private static int rank(String token) {
        return token == null ? 1 : isNumber(token) ? 2 : 0;
    }

    private record Key(List<String> tokens) implements VersionKey {
        @Override
        public int compareTo(VersionKey o) {
            return compareTokens(tokens, ((Key) o).tokens);
        }
    }
}
