package jp.renkei.core.vulnerabilities;

import java.util.Locale;

/**
 * SemVer 2.0 precedence (npm, crates.io, Go, Hex, Pub; NuGet ignoring case in labels). Lenient
 * where real data is not SemVer: a leading {@code v} is dropped (Go), build metadata is ignored
 * ({@code +incompatible}), any number of core parts is allowed and missing ones count as zero
 * (NuGet's {@code 1.0.0.1}, and {@code 1.0} equals {@code 1.0.0}), and a core part with letters
 * compares its leading number first, then the rest as text.
 */
final class SemVerScheme implements VersionScheme {

    static final SemVerScheme STRICT_CASE = new SemVerScheme(false);
    static final SemVerScheme IGNORE_CASE = new SemVerScheme(true);

    private final boolean ignoreCase;

    private SemVerScheme(boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
    }

    @Override
    public String name() {
        return ignoreCase ? "semver-ignore-case" : "semver";
    }

    @Override
    public VersionKey parse(String version) {
        String s = version.strip();
        if (s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') && NaturalScheme.isDigit(s.charAt(1))) {
            s = s.substring(1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        int dash = s.indexOf('-');
        String core = dash >= 0 ? s.substring(0, dash) : s;
        String[] pre = dash >= 0 ? s.substring(dash + 1).split("\\.", -1) : null;
        if (pre != null && ignoreCase) {
            for (int i = 0; i < pre.length; i++) {
                pre[i] = pre[i].toLowerCase(Locale.ROOT);
            }
        }
        String[] parts = core.split("\\.", -1);
        String[] numbers = new String[parts.length];
        String[] suffixes = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int d = 0;
            while (d < p.length() && NaturalScheme.isDigit(p.charAt(d))) {
                d++;
            }
            // An empty or letter-only part sorts below zero: "" is shorter than any number.
            numbers[i] = d == 0 ? "" : NaturalScheme.stripZeros(p.substring(0, d));
            suffixes[i] = p.substring(d);
        }
        return new Key(numbers, suffixes, pre);
    }

    private record Key(String[] numbers, String[] suffixes, String[] pre) implements VersionKey {

        @Override
        public int compareTo(VersionKey other) {
            Key o = (Key) other;
            int n = Math.max(numbers.length, o.numbers.length);
            for (int i = 0; i < n; i++) {
                int c = NaturalScheme.compareNumbers(number(i), o.number(i));
                if (c == 0) {
                    c = suffix(i).compareTo(o.suffix(i));
                }
                if (c != 0) {
                    return c;
                }
            }
            if (pre == null || o.pre == null) {
                // A pre-release sorts before the release itself.
                return pre == null ? (o.pre == null ? 0 : 1) : -1;
            }
            return comparePre(pre, o.pre);
        }

        private String number(int i) {
            return i < numbers.length ? numbers[i] : "0";
        }

        private String suffix(int i) {
            return i < suffixes.length ? suffixes[i] : "";
        }

        private static int comparePre(String[] a, String[] b) {
            int n = Math.min(a.length, b.length);
            for (int i = 0; i < n; i++) {
                boolean na = NaturalScheme.allDigits(a[i]);
                boolean nb = NaturalScheme.allDigits(b[i]);
                int c;
                if (na && nb) {
                    c = NaturalScheme.compareNumbers(NaturalScheme.stripZeros(a[i]), NaturalScheme.stripZeros(b[i]));
                } else if (na || nb) {
                    c = na ? -1 : 1; // numeric identifiers have lower precedence
                } else {
                    c = a[i].compareTo(b[i]);
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.length, b.length);
        }
    }
}
