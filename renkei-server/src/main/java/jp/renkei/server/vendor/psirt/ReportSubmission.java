package jp.renkei.server.vendor.psirt;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.Language;

/**
 * A report as handed in, through the public form or the intake API. The product is a catalogue
 * model number when the reporter picked one, otherwise free text.
 *
 * @param channel     {@code form} or {@code api}
 * @param source      who handed it in through the API (empty for the form)
 * @param externalId  the coordinator's own reference; the same one again answers the existing report
 */
public record ReportSubmission(String channel, String source, Optional<String> externalId, String reporterName,
        String reporterEmail, Language language, Optional<String> catalogueModel, String productText,
        String firmwareText, String description, boolean creditConsent, String creditName,
        List<Attachment> attachments) {

    public static final String FORM = "form";
    public static final String API = "api";
}
