package jp.renkei.server.vendor.advisories;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jp.renkei.server.vendor.psirt.Problem;

/**
 * The document an advisory would be (or is) published as, checked against the bundled CSAF 2.0 schema
 * and the mandatory tests.
 */
public sealed interface AdvisoryCheck {

    /** A publishable document: its canonical JSON. */
    record Valid(byte[] json) implements AdvisoryCheck {

        public Valid {
            json = json.clone();
        }

        @Override
        public byte[] json() {
            return json.clone();
        }

        /** The JSON as text. */
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Valid v && Arrays.equals(json, v.json);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(json);
        }

        @Override
        public String toString() {
            return "Valid[" + json.length + " bytes]";
        }
    }

    /** Not publishable: each finding with its JSON pointer (or the input part at fault). */
    record Findings(List<Problem> problems) implements AdvisoryCheck {

        public Findings {
            problems = List.copyOf(problems);
        }
    }
}
