package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Packagist's (Composer) order: a leading {@code v} dropped, the numeric release padded to four
 * parts as Composer normalises it ({@code 1.2 = 1.2.0.0}), then PHP's {@code version_compare}:
 * parts split at {@code . - _ +} and digit/letter changes; special words sort
 * {@code dev < alpha = a < beta = b < RC = rc <} a number {@code < pl = p} (a word takes the
 * rank of the first of these it starts with), other words before {@code dev}; a missing part counts as a number when the longer version goes on with a number.
 */
final class ComposerScheme implements VersionScheme {

    static final ComposerScheme INSTANCE = new ComposerScheme();

    private static final String NUMBER = "#";

    private ComposerScheme() {
    }

    @Override
    public String name() {
        return "composer";
    }

    @Override
    public VersionKey parse(String version) {
        String s = version.strip();
        if (s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') && NaturalScheme.isDigit(s.charAt(1))) {
            s = s.substring(1);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean separator = c == '.' || c == '-' || c == '_' || c == '+';
            boolean change = current.length() > 0
                    && NaturalScheme.isDigit(c) != NaturalScheme.isDigit(current.charAt(current.length() - 1));
            if (separator || change) {
                if (current.length() > 0) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            }
            if (!separator) {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        int numeric = 0;
        while (numeric < parts.size() && NaturalScheme.isNumber(parts.get(numeric))) {
            parts.set(numeric, NaturalScheme.stripZeros(parts.get(numeric)));
            numeric++;
        }
        for (int pad = numeric; pad < 4 && numeric > 0; pad++) {
            parts.add(pad, "0");
        }
        return new Key(parts);
    }

    // PHP's table: a word takes the rank of the first form it starts with; other words rank lowest.
    private static final List<String> FORMS = List.of("dev", "alpha", "a", "beta", "b", "rc", NUMBER, "pl", "p");
    private static final int[] RANKS = {0, 1, 1, 2, 2, 3, 4, 5, 5};

    private static int special(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < FORMS.size(); i++) {
            if (w.startsWith(FORMS.get(i))) {
                return RANKS[i];
            }
        }
        return -6;
    }

    private static int compareSpecial(String a, String b) {
        return Integer.signum(Integer.compare(special(a), special(b)));
    }

    private record Key(List<String> parts) implements VersionKey {
        @Override
        public int compareTo(VersionKey other) {
            List<String> o = ((Key) other).parts;
            int n = Math.min(parts.size(), o.size());
            for (int i = 0; i < n; i++) {
                String a = parts.get(i);
                String b = o.get(i);
                boolean an = NaturalScheme.isNumber(a);
                boolean bn = NaturalScheme.isNumber(b);
                int c = an && bn ? NaturalScheme.compareNumbers(a, b)
                        : compareSpecial(an ? NUMBER : a, bn ? NUMBER : b);
                if (c != 0) {
                    return c;
                }
            }
            if (parts.size() > n) {
                String rest = parts.get(n);
                return NaturalScheme.isNumber(rest) ? 1 : compareSpecial(rest, NUMBER);
            }
            if (o.size() > n) {
                String rest = o.get(n);
                return NaturalScheme.isNumber(rest) ? -1 : compareSpecial(NUMBER, rest);
            }
            return 0;
        }
    }
}
