package jp.renkei.core.escalation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which step of which ladder version: what the caller stores for each step it sent or skipped, so
 * a restart neither repeats nor loses a step even after the ladder was edited.
 */
public record StepRef(String ladder, int version, int index) {

    private static final Pattern CODE = Pattern.compile("(.+)@(\\d+)#(\\d+)");

    /** Rejects a blank ladder name, a version below 1 and a negative index. */
    public StepRef {
        if (ladder == null || ladder.isBlank()) {
            throw new IllegalArgumentException("step of a ladder without a name");
        }
        if (version < 1 || index < 0) {
            throw new IllegalArgumentException("step " + index + " of " + ladder + " version " + version);
        }
    }

    /** Stable text form for storage, {@code name@version#index}, e.g. {@code standard@3#1}. */
    public String code() {
        return ladder + "@" + version + "#" + index;
    }

    /** Parses {@link #code()}. */
    public static StepRef parse(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a ladder step (expected name@version#index)");
        }
        return new StepRef(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
