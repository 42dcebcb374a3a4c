package jp.renkei.server.vendor.psirt.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.psirt.AffectedProduct;
import jp.renkei.server.vendor.psirt.AffectedRange;
import jp.renkei.server.vendor.psirt.CvssScore;
import jp.renkei.server.vendor.psirt.Justification;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.RecordDraft;
import jp.renkei.server.vendor.psirt.RecordSave;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;
import jp.renkei.server.vendor.psirt.VulnerabilityReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST v1 for vulnerability records. Invalid input answers 400 with every problem and its JSON
 * pointer; another organisation's record (draft, embargoed or not) answers 404.
 */
@RestController
@RequestMapping("/api/v1/vulnerabilities")
class VulnerabilitiesApi {

    /** A record as sent; products are catalogue model numbers, {@code fixedIn} a firmware version of that product. */
    record RecordRequest(String title, String description, String cve, String jvn, String jvndb, String cwe,
            String cvss31, String cvss40, String status, String justification, List<RangeRequest> affected,
            Boolean embargoed, String embargoUntil, String publication) {}

    record RangeRequest(String product, Boolean allVersions, String from, Boolean fromInclusive, String to,
            Boolean toInclusive, String fixedIn) {}

    record ScoreJson(String vector, double baseScore, String severity) {
        static ScoreJson of(CvssScore s) {
            return new ScoreJson(s.vector(), s.baseScore(), s.severity());
        }
    }

    record AffectedJson(String product, String productName, boolean allVersions, String from, boolean fromInclusive,
            String to, boolean toInclusive, String fixedIn, String range) {
        static AffectedJson of(AffectedProduct a) {
            return new AffectedJson(a.modelNumber(), a.productName(), a.allVersions(), a.from().orElse(null),
                    a.fromInclusive(), a.to().orElse(null), a.toInclusive(), a.fixedIn().orElse(null), a.range());
        }
    }

    record RecordJson(long id, String title, String description, String cve, String jvn, String jvndb, String cwe,
            ScoreJson cvss31, ScoreJson cvss40, String status, String justification, List<AffectedJson> affected,
            boolean embargoed, LocalDate embargoUntil, String publication, Instant publishedAt, Instant createdAt,
            Instant updatedAt, String updatedBy, List<String> reports) {}

    private final VulnerabilityRecords records;
    private final VulnerabilityReports reports;

    VulnerabilitiesApi(VulnerabilityRecords records, VulnerabilityReports reports) {
        this.records = records;
        this.reports = reports;
    }

    @PostMapping
    ResponseEntity<?> create(RenkeiPrincipal caller, @RequestBody RecordRequest body) {
        long org = VendorOnly.organisation(caller);
        List<Problem> problems = new ArrayList<>();
        RecordDraft draft = draft(body, problems);
        RecordSave saved = problems.isEmpty() ? records.create(org, caller.actor(), draft) : new RecordSave.Invalid(problems);
        return answer(org, saved, HttpStatus.CREATED);
    }

    @PutMapping("/{id}")
    ResponseEntity<?> update(RenkeiPrincipal caller, @PathVariable long id, @RequestBody RecordRequest body) {
        long org = VendorOnly.organisation(caller);
        if (records.find(org, id).isEmpty()) {
            return notFound();
        }
        List<Problem> problems = new ArrayList<>();
        RecordDraft draft = draft(body, problems);
        RecordSave saved = problems.isEmpty() ? records.update(org, id, caller.actor(), draft) : new RecordSave.Invalid(problems);
        return answer(org, saved, HttpStatus.OK);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(RenkeiPrincipal caller, @PathVariable long id) {
        long org = VendorOnly.organisation(caller);
        return records.find(org, id).<ResponseEntity<?>>map(r -> ResponseEntity.ok(json(org, r)))
                .orElseGet(VulnerabilitiesApi::notFound);
    }

    @GetMapping
    List<RecordJson> list(RenkeiPrincipal caller) {
        long org = VendorOnly.organisation(caller);
        return records.list(org).stream().map(r -> json(org, r)).toList();
    }

    private ResponseEntity<?> answer(long org, RecordSave saved, HttpStatus status) {
        if (saved instanceof RecordSave.Saved s) {
            return ResponseEntity.status(status).body(json(org, s.record()));
        }
        if (saved instanceof RecordSave.Invalid invalid) {
            return ResponseEntity.badRequest().body(ReportJson.invalid(invalid.problems()));
        }
        return notFound();
    }

    private RecordJson json(long org, VulnerabilityRecord r) {
        return new RecordJson(r.id(), r.title(), r.description(), r.cve().orElse(null), r.jvn().orElse(null),
                r.jvndb().orElse(null), r.cwe().orElse(null), r.cvss31().map(ScoreJson::of).orElse(null),
                r.cvss40().map(ScoreJson::of).orElse(null), r.status().code(),
                r.justification().map(Justification::code).orElse(null),
                r.affected().stream().map(AffectedJson::of).toList(), r.embargoed(), r.embargoUntil().orElse(null),
                r.publication(), r.publishedAt().orElse(null), r.createdAt(), r.updatedAt(), r.updatedBy(),
                reports.linkedTo(org, r.id()).stream().map(VulnerabilityReport::trackingId).map(t -> t.value()).toList());
    }

    private static RecordDraft draft(RecordRequest b, List<Problem> problems) {
        Optional<LocalDate> until = Optional.empty();
        if (b.embargoUntil() != null && !b.embargoUntil().isBlank()) {
            try {
                until = Optional.of(LocalDate.parse(b.embargoUntil().strip()));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("/embargoUntil", "'" + b.embargoUntil() + "' is not a date (YYYY-MM-DD)"));
            }
        }
        List<AffectedRange> ranges = b.affected() == null ? List.of() : b.affected().stream()
                .map(a -> new AffectedRange(text(a.product()), Boolean.TRUE.equals(a.allVersions()), optional(a.from()),
                        a.fromInclusive() == null || a.fromInclusive(), optional(a.to()),
                        Boolean.TRUE.equals(a.toInclusive()), optional(a.fixedIn())))
                .toList();
        return new RecordDraft(text(b.title()), text(b.description()), text(b.cve()), text(b.jvn()), text(b.jvndb()),
                text(b.cwe()), text(b.cvss31()), text(b.cvss40()), b.status() == null ? "under-investigation" : b.status(),
                text(b.justification()), ranges, Boolean.TRUE.equals(b.embargoed()), until,
                b.publication() == null ? "draft" : b.publication());
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found"));
    }

    private static Optional<String> optional(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
