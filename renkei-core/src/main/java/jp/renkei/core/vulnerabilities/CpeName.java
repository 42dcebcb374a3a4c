package jp.renkei.core.vulnerabilities;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a CPE name that matching uses, from a CPE 2.3 formatted string
 * ({@code cpe:2.3:a:openssl:openssl:1.1.1k:*:*:*:*:*:*:*}) or a CPE 2.2 URI
 * ({@code cpe:/a:openssl:openssl:1.1.1k}). Vendor and version are empty when the CPE says
 * "any" ({@code *}) or "not applicable" ({@code -}).
 */
record CpeName(String vendor, String product, String version) {

    /** Parses a CPE; empty when it is not one or names no product. */
    static Optional<CpeName> parse(String cpe) {
        String s = cpe.strip();
        List<String> fields;
        if (s.startsWith("cpe:2.3:")) {
            fields = splitFormatted(s.substring("cpe:2.3:".length()));
        } else if (s.startsWith("cpe:/")) {
            fields = new ArrayList<>();
            for (String f : s.substring("cpe:/".length()).split(":", -1)) {
                fields.add(URLDecoder.decode(f.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        } else {
            return Optional.empty();
        }
        // fields: part, vendor, product, version, …
        String product = value(fields, 2);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CpeName(Ecosystems.productForm(value(fields, 1)), Ecosystems.productForm(product),
                value(fields, 3)));
    }

    private static String value(List<String> fields, int i) {
        String v = i < fields.size() ? fields.get(i) : "";
        return v.equals("*") || v.equals("-") ? "" : v;
    }

    // Splits at colons that are not escaped, and drops the escapes (\. → .).
    private static List<String> splitFormatted(String s) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                f.append(s.charAt(++i));
            } else if (c == ':') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
