package jp.renkei.server.vendor.psirt.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.psirt.ClockTargets;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.ReportClocks;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;
import jp.renkei.server.vendor.psirt.VulnerabilityReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The PSIRT's report queue with its clocks (overdue first to the eye), and one report with its actions. */
@Controller
class PsirtPages {

    /** A report in the queue with its clocks. */
    record QueueRow(VulnerabilityReport report, ReportClocks clocks, boolean overdue) {}

    private static final int QUEUE = 500;

    private final VulnerabilityReports reports;
    private final VulnerabilityRecords records;
    private final ContactPoints contacts;
    private final ZoneId zone;

    PsirtPages(VulnerabilityReports reports, VulnerabilityRecords records, ContactPoints contacts,
            @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.reports = reports;
        this.records = records;
        this.contacts = contacts;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/psirt")
    String queue(RenkeiPrincipal caller, Model model) {
        long org = VendorOnly.organisation(caller);
        ContactPoint contact = contacts.of(org).orElseThrow(VendorOnly::notFound);
        Instant now = Instant.now();
        List<QueueRow> rows = reports.list(org, QUEUE).stream().map(r -> {
            ReportClocks clocks = ReportClocks.of(r, contact.targets(), zone);
            return new QueueRow(r, clocks, clocks.anyOverdue(now));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("overdue", rows.stream().filter(QueueRow::overdue).count());
        model.addAttribute("contact", contact);
        model.addAttribute("now", now);
        return "vendor/psirt/queue";
    }

    @GetMapping("/psirt/reports/{id}")
    String report(RenkeiPrincipal caller, @PathVariable long id, Model model) {
        long org = VendorOnly.organisation(caller);
        VulnerabilityReport r = reports.find(org, id).orElseThrow(VendorOnly::notFound);
        ClockTargets targets = contacts.of(org).orElseThrow(VendorOnly::notFound).targets();
        model.addAttribute("r", r);
        model.addAttribute("clocks", ReportClocks.of(r, targets, zone));
        model.addAttribute("now", Instant.now());
        model.addAttribute("timeline", reports.timeline(org, id));
        model.addAttribute("ackMail", reports.acknowledgementMail(org, id));
        model.addAttribute("records", records.list(org));
        model.addAttribute("linked", r.vulnerabilityId().flatMap(v -> records.find(org, v)));
        return "vendor/psirt/report";
    }

    @PostMapping("/psirt/reports/{id}/acknowledge")
    String acknowledge(RenkeiPrincipal caller, @PathVariable long id, @RequestParam(defaultValue = "") String note) {
        long org = VendorOnly.organisation(caller);
        reports.find(org, id).orElseThrow(VendorOnly::notFound);
        reports.acknowledge(org, id, caller.actor(), note);
        return "redirect:/psirt/reports/" + id;
    }

    @PostMapping("/psirt/reports/{id}/link")
    String link(RenkeiPrincipal caller, @PathVariable long id, @RequestParam long vulnerability) {
        long org = VendorOnly.organisation(caller);
        if (!reports.link(org, id, vulnerability, caller.actor())) {
            throw VendorOnly.notFound();
        }
        return "redirect:/psirt/reports/" + id;
    }

    @PostMapping("/psirt/reports/{id}/close")
    String close(RenkeiPrincipal caller, @PathVariable long id, @RequestParam String reason,
            @RequestParam(defaultValue = "") String note) {
        long org = VendorOnly.organisation(caller);
        reports.find(org, id).orElseThrow(VendorOnly::notFound);
        reports.close(org, id, reason, caller.actor(), note);
        return "redirect:/psirt/reports/" + id;
    }

    @GetMapping("/psirt/reports/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(RenkeiPrincipal caller, @PathVariable long id, @PathVariable long attachment) {
        long org = VendorOnly.organisation(caller);
        VulnerabilityReport r = reports.find(org, id).orElseThrow(VendorOnly::notFound);
        String name = r.attachments().stream().filter(a -> a.id() == attachment).findFirst()
                .orElseThrow(VendorOnly::notFound).fileName();
        byte[] content = reports.attachmentContent(org, id, attachment).orElseThrow(VendorOnly::notFound);
        // Always a download, never rendered: a reporter's file is untrusted content.
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
