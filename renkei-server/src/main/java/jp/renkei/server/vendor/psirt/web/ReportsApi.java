package jp.renkei.server.vendor.psirt.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.psirt.Attachment;
import jp.renkei.server.vendor.psirt.ClockTargets;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.ReportClocks;
import jp.renkei.server.vendor.psirt.ReportIntake;
import jp.renkei.server.vendor.psirt.ReportSubmission;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;
import jp.renkei.server.vendor.psirt.VulnerabilityReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST v1 intake for coordinators and platforms: the same reports as the public form, handed in
 * with a token of the vendor's organisation. Another organisation's report answers 404.
 */
@RestController
@RequestMapping("/api/v1/vulnerability-reports")
class ReportsApi {

    /** A report as a coordinator sends it. Every field but the description is optional. */
    record ReportRequest(Reporter reporter, String language, String product, String firmware, String description,
            Boolean credit, String creditName, String externalId, List<AttachmentRequest> attachments) {}

    record Reporter(String name, String email) {}

    /** An attachment, its bytes in base64. */
    record AttachmentRequest(String fileName, String content) {}

    record NoteRequest(String note, String reason, Long vulnerabilityId) {}

    private final VulnerabilityReports reports;
    private final ContactPoints contacts;
    private final ZoneId zone;

    ReportsApi(VulnerabilityReports reports, ContactPoints contacts, @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.reports = reports;
        this.contacts = contacts;
        this.zone = ZoneId.of(zone);
    }

    @PostMapping
    ResponseEntity<?> submit(RenkeiPrincipal caller, @RequestBody ReportRequest body) {
        long org = VendorOnly.organisation(caller);
        List<Problem> problems = new ArrayList<>();
        List<Attachment> files = new ArrayList<>();
        List<AttachmentRequest> given = body.attachments() == null ? List.of() : body.attachments();
        for (int i = 0; i < given.size(); i++) {
            try {
                files.add(new Attachment(text(given.get(i).fileName()), Base64.getMimeDecoder().decode(text(given.get(i).content()))));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("/attachments/" + i + "/content", "is not base64: " + e.getMessage()));
            }
        }
        Language language = Language.JA;
        try {
            language = body.language() == null || body.language().isBlank() ? Language.JA : Language.fromCode(body.language());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("/language", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(ReportJson.invalid(problems));
        }
        Reporter reporter = body.reporter() == null ? new Reporter("", "") : body.reporter();
        String product = text(body.product());
        ReportSubmission submission = new ReportSubmission(ReportSubmission.API, caller.actor(),
                Optional.of(text(body.externalId())).filter(x -> !x.isEmpty()), text(reporter.name()),
                text(reporter.email()), language, product.isEmpty() ? Optional.empty() : Optional.of(product), "",
                text(body.firmware()), text(body.description()), Boolean.TRUE.equals(body.credit()),
                text(body.creditName()), files);
        ReportIntake outcome = reports.submit(org, submission);
        if (outcome instanceof ReportIntake.Rejected r) {
            return ResponseEntity.badRequest().body(ReportJson.invalid(r.problems()));
        }
        ReportIntake.Accepted a = (ReportIntake.Accepted) outcome;
        return ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json(org, a.report()));
    }

    @GetMapping
    List<ReportJson> list(RenkeiPrincipal caller) {
        long org = VendorOnly.organisation(caller);
        return reports.list(org, 1000).stream().map(r -> json(org, r)).toList();
    }

    /** One report by id or by tracking id ({@code RK-2026-000001}). */
    @GetMapping("/{id}")
    ResponseEntity<?> get(RenkeiPrincipal caller, @PathVariable String id) {
        long org = VendorOnly.organisation(caller);
        return find(org, id).<ResponseEntity<?>>map(r -> ResponseEntity.ok(json(org, r))).orElseGet(ReportsApi::notFound);
    }

    @PostMapping("/{id}/acknowledge")
    ResponseEntity<?> acknowledge(RenkeiPrincipal caller, @PathVariable String id, @RequestBody(required = false) NoteRequest body) {
        long org = VendorOnly.organisation(caller);
        Optional<VulnerabilityReport> r = find(org, id);
        r.ifPresent(x -> reports.acknowledge(org, x.id(), caller.actor(), body == null ? "" : text(body.note())));
        return r.<ResponseEntity<?>>map(x -> ResponseEntity.ok(json(org, reports.find(org, x.id()).orElseThrow())))
                .orElseGet(ReportsApi::notFound);
    }

    /** Links the report to a vulnerability record: {@code {"vulnerabilityId": n}}. */
    @PostMapping("/{id}/link")
    ResponseEntity<?> link(RenkeiPrincipal caller, @PathVariable String id, @RequestBody NoteRequest body) {
        long org = VendorOnly.organisation(caller);
        Optional<VulnerabilityReport> r = find(org, id);
        if (r.isEmpty() || body.vulnerabilityId() == null || !reports.link(org, r.get().id(), body.vulnerabilityId(), caller.actor())) {
            return notFound();
        }
        return ResponseEntity.ok(json(org, reports.find(org, r.get().id()).orElseThrow()));
    }

    /** Closes the report without a vulnerability: {@code {"reason": "duplicate", "note": "…"}}. */
    @PostMapping("/{id}/close")
    ResponseEntity<?> close(RenkeiPrincipal caller, @PathVariable String id, @RequestBody NoteRequest body) {
        long org = VendorOnly.organisation(caller);
        Optional<VulnerabilityReport> r = find(org, id);
        if (r.isEmpty()) {
            return notFound();
        }
        if (!reports.close(org, r.get().id(), text(body.reason()), caller.actor(), text(body.note()))) {
            return ResponseEntity.badRequest().body(ReportJson.invalid(List.of(new Problem("/reason",
                    "'" + text(body.reason()) + "' is not not-a-vulnerability, duplicate or out-of-scope, or the report is closed already"))));
        }
        return ResponseEntity.ok(json(org, reports.find(org, r.get().id()).orElseThrow()));
    }

    private Optional<VulnerabilityReport> find(long org, String id) {
        return id.matches("\\d{1,18}") ? reports.find(org, Long.parseLong(id)) : reports.findByTrackingId(org, id);
    }

    private ReportJson json(long org, VulnerabilityReport r) {
        ClockTargets targets = contacts.of(org).map(c -> c.targets()).orElse(ClockTargets.DEFAULT);
        return ReportJson.of(r, ReportClocks.of(r, targets, zone), reports.acknowledgementMail(org, r.id()), Instant.now());
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found"));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
