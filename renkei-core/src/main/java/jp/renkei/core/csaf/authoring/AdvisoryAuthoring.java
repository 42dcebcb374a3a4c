package jp.renkei.core.csaf.authoring;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.Advisory;
import jp.renkei.core.csaf.CsafWriter;
import jp.renkei.core.csaf.DocumentMetadata;
import jp.renkei.core.csaf.Tracking;
import jp.renkei.core.csaf.Vulnerability;
import jp.renkei.core.csaf.validation.CsafValidator;
import jp.renkei.core.csaf.validation.ValidationReport;

/**
 * Writes a CSAF 2.0 security advisory from an {@link AdvisoryInput}: the product tree from the
 * catalogue, statuses, scores, remediations, threats and flags from the vulnerability records. The
 * result is validated (bundled schema and every mandatory test) before it is handed out, so an
 * {@link AuthoringResult.Authored} document is always publishable.
 */
public final class AdvisoryAuthoring {

    /** The engine name written into {@code /document/tracking/generator}. */
    public static final String ENGINE = "Renkei";

    private AdvisoryAuthoring() {
    }

    /** The advisory and its canonical JSON, or every problem found in the input. */
    public static AuthoringResult author(AdvisoryInput input) {
        List<String> problems = new ArrayList<>();
        if (input.revisions().isEmpty()) {
            return new AuthoringResult.Refused(List.of("the revision history is empty"));
        }
        List<Tracking.Revision> history = input.revisions().stream()
                .sorted(Comparator.comparing(Tracking.Revision::date)).toList();
        Tracking.Revision first = history.get(0);
        Tracking.Revision latest = history.get(history.size() - 1);
        Tracking tracking = new Tracking(input.trackingId(), input.status(), latest.number(), first.date(),
                latest.date(), history, List.of(), Optional.of(new Tracking.Generator(ENGINE,
                        Optional.ofNullable(AdvisoryAuthoring.class.getPackage().getImplementationVersion()),
                        Optional.of(input.generatedAt()))));

        AuthoringText text = AuthoringText.of(input.language());
        CatalogueProducts products = new CatalogueProducts(input.catalogue(), text, problems);
        // A model is end-of-life when its support ended before the day (UTC) of this revision.
        VulnerabilityAuthoring vulnerabilityAuthoring = new VulnerabilityAuthoring(products, text,
                LocalDate.ofInstant(latest.date(), ZoneOffset.UTC), problems);
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (int i = 0; i < input.vulnerabilities().size(); i++) {
            VulnerabilityInput v = input.vulnerabilities().get(i);
            String where = "vulnerability " + (i + 1) + " (" + v.cve().orElse(v.title()) + ")";
            vulnerabilities.add(vulnerabilityAuthoring.author(v, where));
        }
        if (!problems.isEmpty()) {
            return new AuthoringResult.Refused(problems);
        }

        DocumentMetadata document = new DocumentMetadata(DocumentMetadata.SECURITY_ADVISORY, input.title(),
                Optional.of(input.language().code()), input.sourceLanguage().map(Language::code), input.publisher(),
                tracking, Optional.of(input.tlp()), Optional.empty(), input.notes(), input.references());
        Advisory advisory = new Advisory(document, products.tree(), vulnerabilities);
        ValidationReport report = CsafValidator.validate(CsafWriter.toJson(advisory));
        if (!report.valid()) {
            return new AuthoringResult.Refused(report.findings().stream().map(Object::toString).toList());
        }
        return new AuthoringResult.Authored(advisory, CsafWriter.write(advisory));
    }
}
