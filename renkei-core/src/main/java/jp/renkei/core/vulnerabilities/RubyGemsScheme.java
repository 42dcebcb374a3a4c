package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;

/**
 * RubyGems' order ({@code Gem::Version}): the version splits into runs of digits and of letters
 * ({@code -} means {@code .pre.}); trailing zeros of the release part and of the pre-release
 * part do not count; a letter run (a pre-release) sorts before any number, so
 * {@code 1.0.0.rc1 < 1.0.0 = 1 < 1.0.1}.
 */
final class RubyGemsScheme implements VersionScheme {

    static final RubyGemsScheme INSTANCE = new RubyGemsScheme();

    private RubyGemsScheme() {
    }

    @Override
    public String name() {
        return "rubygems";
    }

    @Override
    public VersionKey parse(String version) {
        List<String> segments = NaturalScheme.tokens(version.strip().replace("-", ".pre."));
        int firstText = 0;
        while (firstText < segments.size() && NaturalScheme.isNumber(segments.get(firstText))) {
            firstText++;
        }
        List<String> canonical = new ArrayList<>(dropTrailingZeros(segments.subList(0, firstText)));
        canonical.addAll(dropTrailingZeros(segments.subList(firstText, segments.size())));
        return new Key(canonical);
    }

    private static List<String> dropTrailingZeros(List<String> part) {
        int end = part.size();
        while (end > 0 && part.get(end - 1).equals("0")) {
            end--;
        }
        return part.subList(0, end);
    }

    private record Key(List<String> segments) implements VersionKey {
        @Override
        public int compareTo(VersionKey other) {
            List<String> o = ((Key) other).segments;
            int n = Math.max(segments.size(), o.size());
            for (int i = 0; i < n; i++) {
                String l = i < segments.size() ? segments.get(i) : "0";
                String r = i < o.size() ? o.get(i) : "0";
                boolean ln = NaturalScheme.isNumber(l);
                boolean rn = NaturalScheme.isNumber(r);
                int c = ln && rn ? NaturalScheme.compareNumbers(l, r) : ln != rn ? (ln ? 1 : -1) : l.compareTo(r);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
