package jp.renkei.core.intake;

import java.util.LinkedHashMap;

/**
 * The YAML that X-ARF v0.2 reports use: one {@code Key: value} per line, optional quotes,
 * {@code #} comments and {@code ---} markers. Nested structures and multi-line values are not
 * X-ARF 0.2 report fields and are refused with the line number.
 */
final class MinimalYaml {

    private MinimalYaml() {
    }

    static LinkedHashMap<String, String> parse(String text) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.equals("---") || t.equals("...")) {
                continue;
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                throw new IllegalArgumentException("line " + (n + 1) + " is not 'Key: value': '" + t + "'");
            }
            String key = t.substring(0, colon).strip();
            String value = t.substring(colon + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            out.put(key, value);
        }
        return out;
    }
}
