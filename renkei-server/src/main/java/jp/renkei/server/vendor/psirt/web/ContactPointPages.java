package jp.renkei.server.vendor.psirt.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.renkei.core.Language;
import jp.renkei.server.platform.ClientAddress;
import jp.renkei.server.vendor.psirt.Attachment;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.PublicAddresses;
import jp.renkei.server.vendor.psirt.ReportIntake;
import jp.renkei.server.vendor.psirt.ReportSubmission;
import jp.renkei.server.vendor.psirt.VulnerabilityReports;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A vendor's public contact point, no login: security.txt, the disclosure policy and the report
 * form. The form is protected by CSRF (Spring Security), a honeypot field, a rate limit per client
 * address and size and type limits on attachments.
 */
@Controller
class ContactPointPages {

    private static final Logger log = LoggerFactory.getLogger(ContactPointPages.class);
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final ContactPoints contacts;
    private final VulnerabilityReports reports;
    private final VulnerabilityRecords records;
    private final PublicAddresses addresses;
    private final SubmissionRateLimit rateLimit;
    private final ClientAddress clients;
    private final Duration validity;
    private final long maxRequestBytes;
    private final ReportFormLimits limits;

    ContactPointPages(ContactPoints contacts, VulnerabilityReports reports, VulnerabilityRecords records,
            PublicAddresses addresses, SubmissionRateLimit rateLimit, ClientAddress clients,
            @Value("${renkei.psirt.security-txt-validity:P180D}") Duration validity,
            @Value("${renkei.psirt.attachments.max-files:5}") int maxFiles,
            @Value("${renkei.psirt.attachments.max-bytes:5242880}") long maxBytes,
            @Value("${renkei.psirt.attachments.max-total-bytes:10485760}") long maxTotalBytes) {
        this.contacts = contacts;
        this.reports = reports;
        this.records = records;
        this.addresses = addresses;
        this.rateLimit = rateLimit;
        this.clients = clients;
        this.validity = validity;
        // The form's text fields are capped too; a megabyte covers them with room to spare.
        this.maxRequestBytes = maxTotalBytes + 1_048_576;
        this.limits = new ReportFormLimits(maxFiles, maxBytes / 1_048_576, maxTotalBytes / 1_048_576);
    }

    /** What the form tells the reporter about attachments. */
    record ReportFormLimits(int files, long megabytesEach, long megabytesTotal) {}

    @GetMapping("/.well-known/security.txt")
    ResponseEntity<String> primarySecurityTxt() {
        ContactPoint c = contacts.primary().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(TEXT).body(SecurityTxt.render(c, addresses, true, Instant.now().plus(validity)));
    }

    @GetMapping("/vendors/{slug}/security.txt")
    ResponseEntity<String> vendorSecurityTxt(@PathVariable String slug) {
        return ResponseEntity.ok().contentType(TEXT)
                .body(SecurityTxt.render(vendor(slug), addresses, false, Instant.now().plus(validity)));
    }

    @GetMapping("/vendors/{slug}")
    String home(@PathVariable String slug) {
        return "redirect:/vendors/" + vendor(slug).slug() + "/policy";
    }

    @GetMapping("/vendors/{slug}/policy")
    String policy(@PathVariable String slug, Locale locale, Model model) {
        ContactPoint c = vendor(slug);
        model.addAttribute("vendor", c);
        model.addAttribute("policy", c.policy(language(locale).code()));
        return "vendor/psirt/policy";
    }

    @GetMapping("/vendors/{slug}/report")
    String form(@PathVariable String slug, Locale locale, Model model) {
        return showForm(vendor(slug), locale, model, ReportForm.empty(language(locale).code()));
    }

    @PostMapping("/vendors/{slug}/report")
    ModelAndView submit(@PathVariable String slug, ReportForm form,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
        ContactPoint c = vendor(slug);
        if (request.getContentLengthLong() > maxRequestBytes) {
            model.addAttribute("problems", List.of("/attachments: the report is larger than " + limits.megabytesTotal() + " MB"));
            return status(HttpStatus.PAYLOAD_TOO_LARGE, showForm(c, locale, model, form));
        }
        String client = clients.of(request);
        if (!rateLimit.tryAcquire(c.slug(), client)) {
            model.addAttribute("vendor", c);
            return status(HttpStatus.TOO_MANY_REQUESTS, "vendor/psirt/too-many");
        }
        if (!form.website().isBlank()) {
            // The honeypot field is invisible to people; whatever filled it is a robot. It gets the
            // same "received" page as a person would, minus a tracking id, and nothing is stored.
            log.info("Report form for {}: honeypot filled by {}, nothing stored", c.slug(), client);
            return new ModelAndView("redirect:/vendors/" + c.slug() + "/report/received");
        }
        ReportIntake outcome = reports.submit(c.organisationId(), form.submission(language(form.language(), locale),
                attachments(files)));
        if (outcome instanceof ReportIntake.Rejected rejected) {
            model.addAttribute("problems", rejected.problems().stream().map(Object::toString).toList());
            return status(HttpStatus.BAD_REQUEST, showForm(c, locale, model, form));
        }
        ReportIntake.Accepted accepted = (ReportIntake.Accepted) outcome;
        redirect.addFlashAttribute("trackingId", accepted.report().trackingId().value());
        redirect.addFlashAttribute("acknowledgementQueued", accepted.acknowledgementQueued());
        return new ModelAndView("redirect:/vendors/" + c.slug() + "/report/received");
    }

    @GetMapping("/vendors/{slug}/report/received")
    String received(@PathVariable String slug, Model model) {
        model.addAttribute("vendor", vendor(slug));
        return "vendor/psirt/received";
    }

    private String showForm(ContactPoint c, Locale locale, Model model, ReportForm form) {
        model.addAttribute("vendor", c);
        model.addAttribute("form", form);
        model.addAttribute("products", records.catalogue(c.organisationId()));
        model.addAttribute("limits", limits);
        model.addAttribute("language", language(locale).code());
        return "vendor/psirt/report-form";
    }

    private ContactPoint vendor(String slug) {
        return contacts.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ModelAndView status(HttpStatus status, String view) {
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        return mav;
    }

    private static Language language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Language.EN : Language.JA;
    }

    private static Language language(String given, Locale locale) {
        return "en".equals(given) || "ja".equals(given) ? Language.fromCode(given) : language(locale);
    }

    private static List<Attachment> attachments(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        // A file input left empty still sends a part, without a name: that is no attachment.
        return files.stream().filter(f -> !Optional.ofNullable(f.getOriginalFilename()).orElse("").isBlank())
                .map(f -> {
                    try {
                        return new Attachment(f.getOriginalFilename(), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
