package jp.renkei.server.notify.web;

import jp.renkei.server.notify.internal.ChannelSettings;
import jp.renkei.server.notify.internal.ChannelSettingsStore;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The channel settings page (administrators): SMS gateway, LINE official account, letter sender.
 * Secrets are write-only: the page shows header names and the token's last characters, and an
 * empty secret field keeps what is stored.
 */
@Controller
class ChannelSettingsPages {

    private final ChannelSettingsStore settings;

    ChannelSettingsPages(ChannelSettingsStore settings) {
        this.settings = settings;
    }

    @GetMapping("/notify/channels")
    String page(RenkeiPrincipal caller, Model model) {
        model.addAttribute("settings", settings.find(caller.organisationId()));
        model.addAttribute("unreadable", settings.unreadableSecrets(caller.organisationId()));
        return "notify/channels";
    }

    @PostMapping("/notify/channels")
    String save(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String smsUrl,
            @RequestParam(defaultValue = "POST") String smsMethod, @RequestParam(defaultValue = "") String smsHeaders,
            @RequestParam(defaultValue = "false") boolean clearSmsHeaders,
            @RequestParam(defaultValue = "") String smsBodyTemplate,
            @RequestParam(defaultValue = "application/json") String smsContentType,
            @RequestParam(defaultValue = "") String lineBaseUrl, @RequestParam(defaultValue = "") String lineAccessToken,
            @RequestParam(defaultValue = "false") boolean clearLineToken,
            @RequestParam(defaultValue = "") String letterSender, RedirectAttributes redirect) {
        String headers = clearSmsHeaders ? "" : smsHeaders.isBlank() ? null : smsHeaders;
        String token = clearLineToken ? "" : lineAccessToken.isBlank() ? null : lineAccessToken;
        try {
            settings.save(caller.organisationId(), caller.actor(), new ChannelSettings(smsUrl, smsMethod, headers,
                    smsBodyTemplate, smsContentType, lineBaseUrl, token, letterSender));
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/notify/channels";
    }
}
