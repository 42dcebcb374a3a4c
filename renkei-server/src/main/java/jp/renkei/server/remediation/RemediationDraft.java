package jp.renkei.server.remediation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.remediation.Guidance;

/**
 * An entry as typed in the editor: every field a string, steps one per line. {@link #problems()}
 * names each field that is wrong with the message key saying why.
 */
public record RemediationDraft(String kind, String vendor, String model, String firmware,
        String titleJa, String explanationJa, String stepsJa,
        String titleEn, String explanationEn, String stepsEn) {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;

    /** Trims every field and turns nulls into empty strings. */
    public RemediationDraft {
        kind = clean(kind);
        vendor = clean(vendor);
        model = clean(model);
        firmware = clean(firmware);
        titleJa = clean(titleJa);
        explanationJa = clean(explanationJa);
        stepsJa = clean(stepsJa);
        titleEn = clean(titleEn);
        explanationEn = clean(explanationEn);
        stepsEn = clean(stepsEn);
    }

    /** The draft of an existing entry, for the edit form. */
    public static RemediationDraft of(RemediationEntry e) {
        return new RemediationDraft(e.kind().code(), e.vendor(), e.model(), e.firmware(),
                e.japanese().title(), e.japanese().explanation(), String.join("\n", e.japanese().steps()),
                e.english().title(), e.english().explanation(), String.join("\n", e.english().steps()));
    }

    /** An empty form. */
    public static RemediationDraft blank() {
        return new RemediationDraft(ProblemKind.EXPOSED_TELNET.code(), "", "", "", "", "", "", "", "", "");
    }

    /** Field name → message key of what is wrong with it; empty when the draft can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (problemKind().isEmpty()) {
            problems.put("kind", "remediation.error.kind");
        }
        name(problems, "vendor", vendor);
        name(problems, "model", model);
        name(problems, "firmware", firmware);
        if (!model.isEmpty() && vendor.isEmpty()) {
            problems.put("vendor", "remediation.error.vendorForModel");
        }
        if (!firmware.isEmpty() && model.isEmpty()) {
            problems.put("model", "remediation.error.modelForFirmware");
        }
        text(problems, "titleJa", titleJa, MAX_NAME);
        text(problems, "explanationJa", explanationJa, MAX_TEXT);
        text(problems, "stepsJa", stepsJa, MAX_TEXT);
        text(problems, "titleEn", titleEn, MAX_NAME);
        text(problems, "explanationEn", explanationEn, MAX_TEXT);
        text(problems, "stepsEn", stepsEn, MAX_TEXT);
        return problems;
    }

    /** The problem kind, empty when the code names none that opens cases. */
    public Optional<ProblemKind> problemKind() {
        return Arrays.stream(ProblemKind.values()).filter(ProblemKind::opensCase)
                .filter(k -> k.code().equals(kind)).findFirst();
    }

    /** The Japanese text; only for a draft without problems. */
    public Guidance japanese() {
        return new Guidance(titleJa, explanationJa, steps(stepsJa));
    }

    /** The English text; only for a draft without problems. */
    public Guidance english() {
        return new Guidance(titleEn, explanationEn, steps(stepsEn));
    }

    /** The non-blank lines, trimmed, in order. */
    static List<String> steps(String lines) {
        return lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static void name(Map<String, String> problems, String field, String value) {
        if (value.length() > MAX_NAME) {
            problems.put(field, "remediation.error.tooLong");
        }
    }

    private static void text(Map<String, String> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.put(field, "remediation.error.required");
        } else if (value.length() > max) {
            problems.put(field, "remediation.error.tooLong");
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
