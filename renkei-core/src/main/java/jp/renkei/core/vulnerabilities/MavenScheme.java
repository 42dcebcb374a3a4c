package jp.renkei.core.vulnerabilities;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven's order, after the rules of {@code org.apache.maven.artifact.versioning.ComparableVersion}:
 * parts split at {@code .}, {@code -} and digit/letter changes; a {@code -} or such a change opens
 * a sub-list; trailing zeros and empty qualifiers do not count; qualifiers sort
 * {@code alpha < beta < milestone < rc < snapshot < "" (release) < sp}, unknown ones after all of
 * these in text order; {@code a1}, {@code b1}, {@code m1} mean alpha, beta and milestone.
 */
final class MavenScheme implements VersionScheme {

    static final MavenScheme INSTANCE = new MavenScheme();

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final Map<String, String> ALIASES = Map.of("ga", "", "final", "", "release", "", "cr", "rc");
    private static final String RELEASE = String.valueOf(QUALIFIERS.indexOf(""));

    private MavenScheme() {
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public VersionKey parse(String version) {
        return parseList(version.strip().toLowerCase(Locale.ROOT));
    }

    /** An item of a parsed version: a number, a qualifier or a nested list; null stands for "nothing". */
    private sealed interface Item permits Num, Text, ItemList {
        int compareTo(Item other);

        boolean isNull();
    }

    private record Num(String digits) implements Item {
        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return digits.equals("0") ? 0 : 1;
            }
            return other instanceof Num n ? NaturalScheme.compareNumbers(digits, n.digits) : 1;
        }

        @Override
        public boolean isNull() {
            return digits.equals("0");
        }
    }

    private record Text(String comparable) implements Item {
        static Text of(String value, boolean followedByDigit) {
            String v = value;
            if (followedByDigit && v.length() == 1) {
                v = switch (v.charAt(0)) {
                    case 'a' -> "alpha";
                    case 'b' -> "beta";
                    case 'm' -> "milestone";
                    default -> v;
                };
            }
            v = ALIASES.getOrDefault(v, v);
            int i = QUALIFIERS.indexOf(v);
            return new Text(i >= 0 ? String.valueOf(i) : QUALIFIERS.size() + "-" + v);
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return comparable.compareTo(RELEASE);
            }
            return other instanceof Text t ? comparable.compareTo(t.comparable) : -1;
        }

        @Override
        public boolean isNull() {
            return comparable.equals(RELEASE);
        }
    }

    private record ItemList(List<Item> items) implements Item, VersionKey {
        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return items.isEmpty() ? 0 : items.get(0).compareTo(null);
            }
            if (!(other instanceof ItemList o)) {
                return other instanceof Num ? -1 : 1;
            }
            int n = Math.max(items.size(), o.items.size());
            for (int i = 0; i < n; i++) {
                Item l = i < items.size() ? items.get(i) : null;
                Item r = i < o.items.size() ? o.items.get(i) : null;
                int c = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        @Override
        public int compareTo(VersionKey other) {
            return compareTo((Item) other);
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof ItemList)) {
                    break;
                }
            }
        }
    }

    private static ItemList parseList(String v) {
        ItemList root = new ItemList(new ArrayList<>());
        ItemList list = root;
        Deque<ItemList> stack = new ArrayDeque<>();
        stack.push(list);
        boolean digit = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.' || c == '-') {
                list.items.add(i == start ? new Num("0") : item(digit, v.substring(start, i), false));
                start = i + 1;
                if (c == '-') {
                    list = push(list, stack);
                }
            } else if (NaturalScheme.isDigit(c)) {
                if (!digit && i > start) {
                    list.items.add(Text.of(v.substring(start, i), true));
                    start = i;
                    list = push(list, stack);
                }
                digit = true;
            } else {
                if (digit && i > start) {
                    list.items.add(item(true, v.substring(start, i), false));
                    start = i;
                    list = push(list, stack);
                }
                digit = false;
            }
        }
        if (v.length() > start) {
            list.items.add(item(digit, v.substring(start), false));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    private static ItemList push(ItemList parent, Deque<ItemList> stack) {
        ItemList child = new ItemList(new ArrayList<>());
        parent.items.add(child);
        stack.push(child);
        return child;
    }

    private static Item item(boolean digit, String token, boolean followedByDigit) {
        return digit ? new Num(NaturalScheme.stripZeros(token)) : Text.of(token, followedByDigit);
    }
}
