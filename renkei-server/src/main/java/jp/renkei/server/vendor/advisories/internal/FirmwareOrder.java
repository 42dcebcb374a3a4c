package jp.renkei.server.vendor.advisories.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders firmware versions the way vendors number them: runs of digits compare as numbers, other runs
 * as text, separators ({@code . - _}) only separate ({@code 1.10 > 1.9}, {@code 2.0.1 > 2.0},
 * {@code 1.4b > 1.4a}). A version that is a prefix of another comes first.
 */
enum FirmwareOrder implements Comparator<String> {
    INSTANCE;

    private static final Pattern PART = Pattern.compile("\\d+|[^\\d._\\-]+");

    @Override
    public int compare(String a, String b) {
        List<String> left = parts(a);
        List<String> right = parts(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String l = left.get(i);
            String r = right.get(i);
            boolean ln = Character.isDigit(l.charAt(0));
            boolean rn = Character.isDigit(r.charAt(0));
            int c = ln && rn ? new BigInteger(l).compareTo(new BigInteger(r))
                    : ln != rn ? (ln ? 1 : -1) : l.compareToIgnoreCase(r);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static List<String> parts(String version) {
        List<String> parts = new ArrayList<>();
        Matcher m = PART.matcher(version.strip());
        while (m.find()) {
            parts.add(m.group());
        }
        return parts;
    }
}
