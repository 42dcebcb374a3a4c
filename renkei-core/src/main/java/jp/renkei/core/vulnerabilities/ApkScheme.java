package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alpine's (apk) order: {@code 1.2.3[letter][_suffix[N]]…[~hash][-rN]}. Numbers compare as
 * numbers, more of them sort later; a letter sorts after none; suffixes
 * {@code _alpha < _beta < _pre < _rc <} none {@code < _cvs < _svn < _git < _hg < _p}; then the
 * package revision {@code -rN}. Strings outside this grammar sort before valid ones, in natural
 * order among themselves.
 */
final class ApkScheme implements VersionScheme {

    static final ApkScheme INSTANCE = new ApkScheme();

    private static final Pattern VERSION = Pattern.compile(
            "(?<numbers>[0-9]+(?:\\.[0-9]+)*)(?<letter>[a-z])?(?<suffixes>(?:_[a-z]+[0-9]*)*)"
            + "(?:~[0-9a-f]+)?(?:-r(?<revision>[0-9]+))?");
    private static final Pattern SUFFIX = Pattern.compile("_([a-z]+)([0-9]*)");
    private static final List<String> SUFFIXES = List.of("alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int NO_SUFFIX = SUFFIXES.indexOf("");

    private ApkScheme() {
    }

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public VersionKey parse(String version) {
        String s = version.strip();
        Matcher m = VERSION.matcher(s);
        if (!m.matches()) {
            return new Key(false, List.of(), (char) 0, List.of(), "0", NaturalScheme.tokens(s));
        }
        List<String> numbers = new ArrayList<>();
        for (String n : m.group("numbers").split("\\.")) {
            numbers.add(NaturalScheme.stripZeros(n));
        }
        List<Suffix> suffixes = new ArrayList<>();
        Matcher sm = SUFFIX.matcher(m.group("suffixes"));
        while (sm.find()) {
            int rank = SUFFIXES.indexOf(sm.group(1));
            // An unknown suffix sorts like a release without suffix, then by its text.
            suffixes.add(new Suffix(rank < 0 ? NO_SUFFIX : rank, sm.group(1),
                    sm.group(2).isEmpty() ? "0" : NaturalScheme.stripZeros(sm.group(2))));
        }
        char letter = m.group("letter") == null ? 0 : m.group("letter").charAt(0);
        String revision = m.group("revision") == null ? "0" : NaturalScheme.stripZeros(m.group("revision"));
        return new Key(true, numbers, letter, suffixes, revision, List.of());
    }

    private record Suffix(int rank, String name, String number) {
        static final Suffix NONE = new Suffix(NO_SUFFIX, "", "0");

        int compareTo(Suffix o) {
            int c = Integer.compare(rank, o.rank);
            if (c == 0) {
                c = name.compareTo(o.name);
            }
            return c != 0 ? c : NaturalScheme.compareNumbers(number, o.number);
        }
    }

    private record Key(boolean valid, List<String> numbers, char letter, List<Suffix> suffixes,
            String revision, List<String> invalidTokens) implements VersionKey {

        @Override
        public int compareTo(VersionKey other) {
            Key o = (Key) other;
            if (valid != o.valid) {
                return valid ? 1 : -1;
            }
            if (!valid) {
                return NaturalScheme.compareTokens(invalidTokens, o.invalidTokens);
            }
            int n = Math.min(numbers.size(), o.numbers.size());
            for (int i = 0; i < n; i++) {
                int c = NaturalScheme.compareNumbers(numbers.get(i), o.numbers.get(i));
                if (c != 0) {
                    return c;
                }
            }
            int c = Integer.compare(numbers.size(), o.numbers.size());
            if (c == 0) {
                c = Character.compare(letter, o.letter);
            }
            int s = Math.max(suffixes.size(), o.suffixes.size());
            for (int i = 0; i < s && c == 0; i++) {
                Suffix a = i < suffixes.size() ? suffixes.get(i) : Suffix.NONE;
                c = a.compareTo(i < o.suffixes.size() ? o.suffixes.get(i) : Suffix.NONE);
            }
            return c != 0 ? c : NaturalScheme.compareNumbers(revision, o.revision);
        }
    }
}
