package jp.renkei.server.remediation;

import java.util.Map;

/** What saving an entry did. */
public sealed interface RemediationSave {

    /** Stored under this id. */
    record Saved(long id) implements RemediationSave {
    }

    /** Not stored: field name → message key of what is wrong with it. */
    record Invalid(Map<String, String> problems) implements RemediationSave {
        /** Copies the problems. */
        public Invalid {
            problems = Map.copyOf(problems);
        }
    }
}
