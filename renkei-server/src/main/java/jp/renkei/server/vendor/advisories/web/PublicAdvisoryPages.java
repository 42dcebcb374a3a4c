package jp.renkei.server.vendor.advisories.web;

import java.util.List;
import java.util.Locale;

import jp.renkei.core.csaf.provider.PublishedDocument;
import jp.renkei.server.vendor.advisories.Advisories;
import jp.renkei.server.vendor.advisories.DeviceOwners;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A vendor's public advisory pages, no login: the list of published TLP:WHITE advisories, one page per
 * advisory in Japanese or English (linking its CSAF JSON), and the owners' registration with its
 * confirmation link.
 */
@Controller
class PublicAdvisoryPages {

    private final ContactPoints contacts;
    private final Advisories advisories;
    private final DeviceOwners owners;
    private final VulnerabilityRecords records;

    PublicAdvisoryPages(ContactPoints contacts, Advisories advisories, DeviceOwners owners,
            VulnerabilityRecords records) {
        this.contacts = contacts;
        this.advisories = advisories;
        this.owners = owners;
        this.records = records;
    }

    @GetMapping("/vendors/{slug}/advisories")
    String list(@PathVariable String slug, Model model) {
        ContactPoint vendor = vendor(slug);
        model.addAttribute("vendor", vendor);
        model.addAttribute("advisories", advisories.publicList(vendor.organisationId()));
        return "vendor/advisories/public-list";
    }

    @GetMapping("/vendors/{slug}/advisories/{trackingId}")
    String page(@PathVariable String slug, @PathVariable String trackingId, Model model) {
        ContactPoint vendor = vendor(slug);
        VendorAdvisory advisory = advisories.publicList(vendor.organisationId()).stream()
                .filter(a -> a.trackingId().equalsIgnoreCase(trackingId)).findFirst()
                .orElseThrow(VendorCaller::notFound);
        byte[] json = advisories.publishedDocument(vendor.organisationId(), advisory.id())
                .orElseThrow(VendorCaller::notFound);
        model.addAttribute("vendor", vendor);
        model.addAttribute("advisory", advisory);
        model.addAttribute("view", AdvisoryView.of(json).orElseThrow(VendorCaller::notFound));
        // The JSON as this instance serves it, under the vendor's own provider directory.
        model.addAttribute("jsonPath", "/vendors/" + vendor.slug() + "/.well-known/csaf/" + PublishedDocument.of(json).path());
        return "vendor/advisories/public-advisory";
    }

    @GetMapping("/vendors/{slug}/owners")
    String registration(@PathVariable String slug, Locale locale, Model model) {
        return registration(vendor(slug), "", "", language(locale), List.of(), model);
    }

    @PostMapping("/vendors/{slug}/owners")
    ModelAndView register(@PathVariable String slug, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String product, @RequestParam(defaultValue = "ja") String language,
            Model model) {
        ContactPoint vendor = vendor(slug);
        if (owners.register(vendor, email, product, language) instanceof DeviceOwners.Registration.Invalid invalid) {
            ModelAndView mav = new ModelAndView(registration(vendor, email, product, language,
                    invalid.problems().stream().map(Problem::toString).toList(), model), model.asMap());
            mav.setStatus(HttpStatus.BAD_REQUEST);
            return mav;
        }
        model.addAttribute("vendor", vendor);
        return new ModelAndView("vendor/advisories/owner-registered", model.asMap());
    }

    @GetMapping("/vendors/{slug}/owners/confirm")
    String confirm(@PathVariable String slug, @RequestParam(defaultValue = "") String token, Model model) {
        ContactPoint vendor = vendor(slug);
        model.addAttribute("vendor", vendor);
        model.addAttribute("modelNumber", owners.confirm(vendor, token).orElseThrow(VendorCaller::notFound));
        return "vendor/advisories/owner-confirmed";
    }

    private String registration(ContactPoint vendor, String email, String product, String language,
            List<String> problems, Model model) {
        model.addAttribute("vendor", vendor);
        model.addAttribute("products", records.catalogue(vendor.organisationId()));
        model.addAttribute("email", email);
        model.addAttribute("product", product);
        model.addAttribute("language", language);
        model.addAttribute("problems", problems);
        return "vendor/advisories/owners";
    }

    private ContactPoint vendor(String slug) {
        return contacts.bySlug(slug).orElseThrow(VendorCaller::notFound);
    }

    private static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "ja";
    }
}
