package jp.renkei.server.vendor.psirt.web;

import java.util.List;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.ContactSettings;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.PublicAddresses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contact point's settings: public address, mailbox, policy texts, clock targets (administrators change them). */
@Controller
class PsirtSettingsPage {

    private final ContactPoints contacts;
    private final PublicAddresses addresses;

    PsirtSettingsPage(ContactPoints contacts, PublicAddresses addresses) {
        this.contacts = contacts;
        this.addresses = addresses;
    }

    @GetMapping("/psirt/settings")
    String show(RenkeiPrincipal caller, Model model) {
        var c = contacts.of(VendorOnly.organisation(caller)).orElseThrow(VendorOnly::notFound);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ContactSettings(c.slug(), c.contactEmail().orElse(""),
                    c.acknowledgmentsUrl().orElse(""), c.encryptionUrl().orElse(""), c.policyJa(), c.policyEn(),
                    c.targets().acknowledgeBusinessDays(), c.targets().triageBusinessDays(), c.targets().fixDays()));
        }
        model.addAttribute("contact", c);
        model.addAttribute("formUrl", addresses.reportForm(c));
        model.addAttribute("securityTxtUrl", addresses.securityTxt(c, contacts.primary()
                .map(p -> p.organisationId() == c.organisationId()).orElse(false)));
        return "vendor/psirt/settings";
    }

    @PostMapping("/psirt/settings")
    String save(RenkeiPrincipal caller, ContactSettings form, RedirectAttributes redirect) {
        List<Problem> problems = contacts.update(VendorOnly.organisation(caller), caller.actor(), form);
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("saved", true);
        } else {
            redirect.addFlashAttribute("problems", problems.stream().map(Problem::toString).toList());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/psirt/settings";
    }
}
