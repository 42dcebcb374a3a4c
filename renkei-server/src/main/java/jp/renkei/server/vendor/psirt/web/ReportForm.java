package jp.renkei.server.vendor.psirt.web;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.server.vendor.psirt.Attachment;
import jp.renkei.server.vendor.psirt.ReportSubmission;

/**
 * The public report form's fields, bound from the request. {@code website} is the honeypot:
 * hidden from people, so only robots fill it.
 */
record ReportForm(String name, String email, String language, String catalogueProduct, String product,
        String firmware, String description, Boolean credit, String creditName, String website) {

    ReportForm {
        name = orEmpty(name);
        email = orEmpty(email);
        language = orEmpty(language);
        catalogueProduct = orEmpty(catalogueProduct);
        product = orEmpty(product);
        firmware = orEmpty(firmware);
        description = orEmpty(description);
        credit = credit != null && credit;
        creditName = orEmpty(creditName);
        website = orEmpty(website);
    }

    static ReportForm empty(String language) {
        return new ReportForm("", "", language, "", "", "", "", false, "", "");
    }

    ReportSubmission submission(Language lang, List<Attachment> attachments) {
        return new ReportSubmission(ReportSubmission.FORM, "", Optional.empty(), name.strip(), email.strip(), lang,
                catalogueProduct.isBlank() ? Optional.empty() : Optional.of(catalogueProduct.strip()), product.strip(),
                firmware.strip(), description.strip(), credit.booleanValue(), creditName.strip(), attachments);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
