package jp.renkei.core.vulnerabilities;

/**
 * Debian's and Ubuntu's order, as {@code dpkg --compare-versions}: {@code [epoch:]upstream[-revision]};
 * the epoch compares as a number, upstream and revision by dpkg's rule (alternating non-digit
 * runs, where letters sort before other characters and {@code ~} before everything, even the
 * end, and digit runs compared as numbers). So {@code 1.0~rc1 < 1.0 < 1.0+deb11u1} and
 * {@code 1:0.9 > 2.0}.
 */
final class DpkgScheme implements VersionScheme {

    static final DpkgScheme INSTANCE = new DpkgScheme();

    private DpkgScheme() {
    }

    @Override
    public String name() {
        return "dpkg";
    }

    @Override
    public VersionKey parse(String version) {
        String s = version.strip();
        String epoch = "0";
        int colon = s.indexOf(':');
        if (colon > 0 && NaturalScheme.allDigits(s.substring(0, colon))) {
            epoch = NaturalScheme.stripZeros(s.substring(0, colon));
            s = s.substring(colon + 1);
        }
        int dash = s.lastIndexOf('-');
        String upstream = dash >= 0 ? s.substring(0, dash) : s;
        String revision = dash >= 0 ? s.substring(dash + 1) : "";
        return new Key(epoch, upstream, revision);
    }

    private record Key(String epoch, String upstream, String revision) implements VersionKey {
        @Override
        public int compareTo(VersionKey other) {
            Key o = (Key) other;
            int c = NaturalScheme.compareNumbers(epoch, o.epoch);
            if (c == 0) {
                c = compareParts(upstream, o.upstream);
            }
            return c != 0 ? c : compareParts(revision, o.revision);
        }
    }

    /** dpkg's {@code verrevcmp}. */
    static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !NaturalScheme.isDigit(a.charAt(i)))
                    || (j < b.length() && !NaturalScheme.isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && NaturalScheme.isDigit(a.charAt(i))
                    && j < b.length() && NaturalScheme.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && NaturalScheme.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && NaturalScheme.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (NaturalScheme.isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        return c == '~' ? -1 : c + 256;
    }
}
