package jp.renkei.server.vendor.psirt.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.vendor.psirt.AffectedProduct;
import jp.renkei.server.vendor.psirt.AffectedRange;
import jp.renkei.server.vendor.psirt.CvssScore;
import jp.renkei.server.vendor.psirt.Justification;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.RecordDraft;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;
import org.springframework.util.MultiValueMap;

/**
 * The record form's fields as plain strings, both ways: from a stored record (to edit) and from
 * the posted form (to check); affected products come as rows {@code affected[i].product} etc.
 */
record RecordFormFields(String title, String description, String cve, String jvn, String jvndb, String cwe,
        String cvss31, String cvss40, String status, String justification, List<AffectedRange> affected,
        boolean embargoed, String embargoUntil, String publication) {

    /** Blank rows offered below the filled ones for adding products. */
    static final int BLANK_ROWS = 2;

    static RecordFormFields blank(String title, String description) {
        return new RecordFormFields(title, description, "", "", "", "", "", "", "under-investigation", "", List.of(),
                false, "", "draft");
    }

    static RecordFormFields of(VulnerabilityRecord r) {
        List<AffectedRange> rows = r.affected().stream().map(RecordFormFields::row).toList();
        return new RecordFormFields(r.title(), r.description(), r.cve().orElse(""), r.jvn().orElse(""),
                r.jvndb().orElse(""), r.cwe().orElse(""), r.cvss31().map(CvssScore::vector).orElse(""),
                r.cvss40().map(CvssScore::vector).orElse(""), r.status().code(),
                r.justification().map(Justification::code).orElse(""), rows, r.embargoed(),
                r.embargoUntil().map(LocalDate::toString).orElse(""), r.publication());
    }

    static RecordFormFields of(MultiValueMap<String, String> p) {
        List<AffectedRange> rows = new ArrayList<>();
        for (int i = 0; p.containsKey("affected[" + i + "].product"); i++) {
            String at = "affected[" + i + "].";
            String product = value(p, at + "product");
            if (product.isBlank()) {
                continue;
            }
            rows.add(new AffectedRange(product, checked(p, at + "allVersions"), optional(p, at + "from"),
                    checked(p, at + "fromInclusive"), optional(p, at + "to"), checked(p, at + "toInclusive"),
                    optional(p, at + "fixedIn")));
        }
        return new RecordFormFields(value(p, "title"), value(p, "description"), value(p, "cve"), value(p, "jvn"),
                value(p, "jvndb"), value(p, "cwe"), value(p, "cvss31"), value(p, "cvss40"), value(p, "status"),
                value(p, "justification"), rows, checked(p, "embargoed"), value(p, "embargoUntil"),
                value(p, "publication"));
    }

    /** The draft to save; a date that does not parse is a problem of its own. */
    RecordDraft draft(List<Problem> problems) {
        Optional<LocalDate> until = Optional.empty();
        if (!embargoUntil.isBlank()) {
            try {
                until = Optional.of(LocalDate.parse(embargoUntil.strip()));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("/embargoUntil", "'" + embargoUntil + "' is not a date (YYYY-MM-DD)"));
            }
        }
        return new RecordDraft(title, description, cve, jvn, jvndb, cwe, cvss31, cvss40, status, justification,
                affected, embargoed, until, publication);
    }

    /** The filled rows and a few blank ones, for the form. */
    public List<AffectedRange> rows() {
        List<AffectedRange> rows = new ArrayList<>(affected);
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new AffectedRange("", false, Optional.empty(), true, Optional.empty(), false, Optional.empty()));
        }
        return rows;
    }

    private static AffectedRange row(AffectedProduct a) {
        return new AffectedRange(a.modelNumber(), a.allVersions(), a.from(), a.fromInclusive(), a.to(),
                a.toInclusive(), a.fixedIn());
    }

    private static String value(MultiValueMap<String, String> p, String name) {
        String v = p.getFirst(name);
        return v == null ? "" : v;
    }

    private static Optional<String> optional(MultiValueMap<String, String> p, String name) {
        String v = value(p, name).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static boolean checked(MultiValueMap<String, String> p, String name) {
        List<String> values = p.get(name);
        return values != null && values.stream().anyMatch(v -> v.equals("true") || v.equals("on"));
    }
}
