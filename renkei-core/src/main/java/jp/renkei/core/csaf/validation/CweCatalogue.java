package jp.renkei.core.csaf.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MITRE's CWE ids and names (CWE 4.17, the list the reference validator checks CSAF 2.0 against),
 * bundled as {@code csaf/cwe-names.tsv} so test 6.1.11 runs offline.
 */
public final class CweCatalogue {

    private static final class Holder {
        private static final Map<String, String> NAMES = load();
    }

    private CweCatalogue() {
    }

    /** MITRE's name for a CWE id such as {@code CWE-79}; empty when the id is unknown. */
    public static Optional<String> name(String id) {
        return Optional.ofNullable(Holder.NAMES.get(id));
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = CweCatalogue.class.getResourceAsStream("/csaf/cwe-names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("csaf/cwe-names.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    names.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("csaf/cwe-names.tsv could not be read", e);
        }
        return Map.copyOf(names);
    }
}
