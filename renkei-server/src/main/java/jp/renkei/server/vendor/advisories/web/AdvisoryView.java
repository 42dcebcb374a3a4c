package jp.renkei.server.vendor.advisories.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.csaf.Advisory;
import jp.renkei.core.csaf.Branch;
import jp.renkei.core.csaf.CsafImport;
import jp.renkei.core.csaf.CsafReader;
import jp.renkei.core.csaf.Note;
import jp.renkei.core.csaf.Relationship;
import jp.renkei.core.csaf.Remediation;
import jp.renkei.core.csaf.Score;
import jp.renkei.core.csaf.Vulnerability;

/**
 * A CSAF document as a page shows it: product ids resolved to product names, statuses and remediations
 * per vulnerability, scores. Labels (status and remediation words) are message keys, so the page speaks
 * the reader's language; the texts are the document's own.
 */
record AdvisoryView(String trackingId, String title, String lang, String tlp, String status, String version,
        String initialRelease, String currentRelease, String publisher, List<Note> notes, List<VulnerabilityView> vulnerabilities) {

    /** One vulnerability: identifiers, scores, notes, product names per status, remediations. */
    record VulnerabilityView(String title, String cve, List<String> ids, String cwe, List<String> scores, List<Note> notes,
            List<StatusRow> statuses, List<RemediationRow> remediations) {}

    /** The products with one status, e.g. {@code known_affected}. */
    record StatusRow(String status, List<String> products) {}

    /** What to do, for which products. */
    record RemediationRow(String category, String details, String url, List<String> products) {}

    /** The view of a valid CSAF document; empty when the bytes are not one (never the case for stored ones). */
    static Optional<AdvisoryView> of(byte[] json) {
        if (!(CsafReader.read(json) instanceof CsafImport.Imported imported)) {
            return Optional.empty();
        }
        Advisory a = imported.advisory();
        Map<String, String> names = new HashMap<>();
        a.productTree().branches().forEach(b -> collect(b, names));
        a.productTree().fullProductNames().forEach(p -> names.put(p.productId(), p.name()));
        for (Relationship r : a.productTree().relationships()) {
            names.put(r.fullProductName().productId(), r.fullProductName().name());
        }
        List<VulnerabilityView> vulnerabilities = new ArrayList<>();
        for (Vulnerability v : a.vulnerabilities()) {
            List<StatusRow> statuses = new ArrayList<>();
            v.productStatus().byStatus().forEach((s, ids) -> statuses.add(new StatusRow(code(s), names(ids, names))));
            List<RemediationRow> remediations = new ArrayList<>();
            for (Remediation r : v.remediations()) {
                remediations.add(new RemediationRow(code(r.category()), r.details(),
                        r.url().map(Object::toString).orElse(""), names(r.productIds(), names)));
            }
            List<String> scores = new ArrayList<>();
            for (Score s : v.scores()) {
                s.cvssV3().ifPresent(c -> scores.add("CVSS " + c.version() + " " + c.baseScore() + " ("
                        + c.baseSeverity() + ") " + c.vectorString()));
                s.cvssV2().ifPresent(c -> scores.add("CVSS 2.0 " + c.baseScore() + " " + c.vectorString()));
            }
            vulnerabilities.add(new VulnerabilityView(v.title().orElse(v.cve().orElse("")), v.cve().orElse(""),
                    v.ids().stream().map(Vulnerability.Id::text).toList(),
                    v.cwe().map(c -> c.id() + " " + c.name()).orElse(""), scores, v.notes(), statuses, remediations));
        }
        var d = a.document();
        return Optional.of(new AdvisoryView(d.tracking().id(), d.title(), d.lang().orElse(""),
                d.tlp().map(t -> t.label()).orElse(""), code(d.tracking().status()), d.tracking().version(),
                d.tracking().initialReleaseDate().toString(), d.tracking().currentReleaseDate().toString(),
                d.publisher().name(), d.notes(), vulnerabilities));
    }

    private static void collect(Branch b, Map<String, String> names) {
        b.product().ifPresent(p -> names.put(p.productId(), p.name()));
        b.branches().forEach(child -> collect(child, names));
    }

    private static List<String> names(List<String> ids, Map<String, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, id)).toList();
    }

    private static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
