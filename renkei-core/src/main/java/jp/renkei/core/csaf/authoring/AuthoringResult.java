package jp.renkei.core.csaf.authoring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.renkei.core.csaf.Advisory;

/** The outcome of authoring: a valid advisory with its canonical JSON, or the reasons there is none. */
public sealed interface AuthoringResult {

    /** A document that passed the bundled schema and every mandatory test. */
    record Authored(Advisory advisory, byte[] json) implements AuthoringResult {

        /** The canonical JSON as text. */
        public String jsonText() {
            return new String(json, StandardCharsets.UTF_8);
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
