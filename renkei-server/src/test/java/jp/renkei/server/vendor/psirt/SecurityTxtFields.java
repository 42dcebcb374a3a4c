package jp.renkei.server.vendor.psirt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a security.txt the way RFC 9116 defines it: "Field: value" lines, comments with '#'. */
final class SecurityTxtFields {

    private SecurityTxtFields() {}

    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new AssertionError("not a field line: " + line);
            }
            fields.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
        }
        return fields;
    }
}
