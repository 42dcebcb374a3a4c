package jp.renkei.core.csaf.authoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import jp.renkei.core.csaf.Advisory;

/** The outcome of authoring: a valid advisory with its canonical JSON, or the reasons there is none. */
public sealed interface AuthoringResult {

    /** A document that passed the bundled schema and every mandatory test. */
    record Authored(Advisory advisory, byte[] json) implements AuthoringResult {

        public Authored {
            json = json.clone();
        }

        /** The canonical JSON bytes (a copy). */
        @Override
        public byte[] json() {
            return json.clone();
        }

        /** The canonical JSON as text. */
        public String jsonText() {
            return new String(json, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Authored a && advisory.equals(a.advisory) && Arrays.equals(json, a.json);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(json);
        }

        @Override
        public String toString() {
            return "Authored[" + advisory.document().tracking().id() + ", " + json.length + " bytes]";
        }
    }

    /**
     * No document: each problem names the input part (vulnerability, firmware, remediation) or, for a
     * validation finding, the test and JSON pointer.
     */
    record Refused(List<String> problems) implements AuthoringResult {

        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
