package jp.renkei.core.vulnerabilities;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyPI's order (PEP 440): epoch, release (trailing zeros do not count), then pre-releases
 * ({@code a < b < rc}, spelt alpha, beta, c, pre, preview too), post-releases ({@code .post1},
 * {@code -1}, {@code rev}, {@code r}) and dev releases, and last the local label. A dev release
 * of a final version sorts before its pre-releases: {@code 1.0.dev1 < 1.0a1 < 1.0 < 1.0.post1}.
 * Strings that are not PEP 440 sort before every valid version, among themselves in natural
 * order (as the old {@code LegacyVersion} did).
 */
final class Pep440Scheme implements VersionScheme {

    static final Pep440Scheme INSTANCE = new Pep440Scheme();

    private static final Pattern VERSION = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
            + "(?:[-_.]?(?<preL>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<preN>[0-9]+)?)?"
            + "(?:-(?<postN1>[0-9]+)|[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?)?"
            + "(?:[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
            + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?");

    // Stand-ins for "before everything" and "after everything" in the numeric fields.
    private static final long BEFORE = Long.MIN_VALUE;
    private static final long AFTER = Long.MAX_VALUE;

    private Pep440Scheme() {
    }

    @Override
    public String name() {
        return "pep440";
    }

    @Override
    public VersionKey parse(String version) {
        String s = version.strip().toLowerCase(Locale.ROOT);
        Matcher m = VERSION.matcher(s);
        if (!m.matches()) {
            return new Key(false, List.of(), 0, 0, 0, 0, 0, List.of(), NaturalScheme.tokens(s));
        }
        String[] parts = m.group("release").split("\\.");
        int end = parts.length;
        while (end > 1 && NaturalScheme.stripZeros(parts[end - 1]).equals("0")) {
            end--;
        }
        List<String> release = Arrays.stream(parts, 0, end).map(NaturalScheme::stripZeros).toList();
        boolean hasPre = m.group("preL") != null;
        boolean hasPost = m.group("postN1") != null || m.group("postL") != null;
        boolean hasDev = m.group("devL") != null;
        int preKind;
        long preNumber = 0;
        if (hasPre) {
            preKind = switch (m.group("preL")) {
                case "a", "alpha" -> 0;
                case "b", "beta" -> 1;
                default -> 2; // rc, c, pre, preview
            };
            preNumber = number(m.group("preN"));
        } else {
            // No pre-release: a plain dev release sorts before all pre-releases, anything else after.
            preKind = !hasPost && hasDev ? -1 : 3;
        }
        long post = hasPost ? number(m.group("postN1") != null ? m.group("postN1") : m.group("postN2")) : BEFORE;
        long dev = hasDev ? number(m.group("devN")) : AFTER;
        List<String> local = m.group("local") == null ? List.of() : List.of(m.group("local").split("[-_.]"));
        return new Key(true, release, number(m.group("epoch")), preKind, preNumber, post, dev,
                local.stream().map(p -> NaturalScheme.allDigits(p) ? NaturalScheme.stripZeros(p) : p).toList(),
                List.of());
    }

    private static long number(String digits) {
        if (digits == null) {
            return 0;
        }
        String d = NaturalScheme.stripZeros(digits);
        // Values beyond a long are not real versions; cap them rather than fail.
        return d.length() > 18 ? AFTER - 1 : Long.parseLong(d);
    }

    private record Key(boolean valid, List<String> release, long epoch, int preKind, long preNumber,
            long post, long dev, List<String> local, List<String> invalidTokens) implements VersionKey {

        @Override
        public int compareTo(VersionKey other) {
            Key o = (Key) other;
            if (valid != o.valid) {
                return valid ? 1 : -1;
            }
            if (!valid) {
                return NaturalScheme.compareTokens(invalidTokens, o.invalidTokens);
            }
            int c = Long.compare(epoch, o.epoch);
            if (c == 0) {
                c = compareRelease(release, o.release);
            }
            if (c == 0) {
                c = Integer.compare(preKind, o.preKind);
            }
            if (c == 0) {
                c = Long.compare(preNumber, o.preNumber);
            }
            if (c == 0) {
                c = Long.compare(post, o.post);
            }
            if (c == 0) {
                c = Long.compare(dev, o.dev);
            }
            return c != 0 ? c : compareLocal(local, o.local);
        }

        private static int compareRelease(List<String> a, List<String> b) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = NaturalScheme.compareNumbers(i < a.size() ? a.get(i) : "0", i < b.size() ? b.get(i) : "0");
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        // No local label sorts first; numeric segments sort after alphanumeric ones.
        private static int compareLocal(List<String> a, List<String> b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                boolean na = NaturalScheme.allDigits(a.get(i));
                boolean nb = NaturalScheme.allDigits(b.get(i));
                int c = na && nb ? NaturalScheme.compareNumbers(a.get(i), b.get(i))
                        : na != nb ? (na ? 1 : -1) : a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
    }
}
