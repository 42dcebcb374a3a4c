package jp.renkei.core.csaf.validation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks package URLs against the purl specification's syntax (used by test 6.1.13). */
final class Purl {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z.+-][A-Za-z0-9.+-]*");
    private static final Pattern QUALIFIER_KEY = Pattern.compile("[A-Za-z.\\-_][A-Za-z0-9.\\-_]*");
    private static final Pattern PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private Purl() {
    }

    /** Why {@code purl} is invalid, or empty when it is a valid package URL. */
    static Optional<String> problem(String purl) {
        if (!purl.startsWith("pkg:")) {
            return Optional.of("a purl starts with 'pkg:'");
        }
        if (PERCENT.matcher(purl).find()) {
            return Optional.of("a '%' must start a two-digit hex escape");
        }
        String rest = purl.substring(4).replaceFirst("^/+", "");
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            for (String segment : rest.substring(hash + 1).split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.of("the subpath must not contain '.' or '..'");
                }
            }
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        if (question >= 0) {
            Optional<String> qualifiers = qualifiers(rest.substring(question + 1));
            if (qualifiers.isPresent()) {
                return qualifiers;
            }
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.of("a purl needs a type and a name ('pkg:type/name')");
        }
        if (!TYPE.matcher(rest.substring(0, slash)).matches()) {
            return Optional.of("type '" + rest.substring(0, slash) + "' is not a valid purl type");
        }
        String path = rest.substring(slash + 1).replaceFirst("/+$", "");
        int at = path.lastIndexOf('@');
        if (at >= 0) {
            if (at == path.length() - 1) {
                return Optional.of("the version after '@' is empty");
            }
            path = path.substring(0, at);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (decode(name).isBlank()) {
            return Optional.of("a purl needs a name");
        }
        return Optional.empty();
    }

    private static Optional<String> qualifiers(String text) {
        Set<String> keys = new HashSet<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return Optional.of("qualifier '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, equals);
            if (!QUALIFIER_KEY.matcher(key).matches()) {
                return Optional.of("qualifier key '" + key + "' is not valid");
            }
            if (!keys.add(key.toLowerCase(Locale.ROOT))) {
                return Optional.of("qualifier key '" + key + "' is given twice");
            }
            if (equals == pair.length() - 1) {
                return Optional.of("qualifier '" + key + "' has an empty value");
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
