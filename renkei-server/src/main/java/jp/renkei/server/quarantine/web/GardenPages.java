package jp.renkei.server.quarantine.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.renkei.core.Language;
import jp.renkei.core.attribution.Attribution;
import jp.renkei.server.attribution.AttributionAnswer;
import jp.renkei.server.attribution.Attributions;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.ClientAddress;
import jp.renkei.server.quarantine.GardenAllowList;
import jp.renkei.server.quarantine.Quarantine;
import jp.renkei.server.quarantine.QuarantineRelease;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.remediation.DeviceDescription;
import jp.renkei.server.remediation.RemediationSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The walled-garden page, served only on the garden port (see {@link GardenPort}) for any host and
 * path: who holds the client's address now (an audited attribution, in the one organisation whose
 * address space holds it), their active quarantine and case, the steps for their device, the
 * destinations still reachable, and self-release up to the limit. Nothing that identifies the
 * subscriber (name, e-mail, id) is shown.
 */
@Controller
class GardenPages {

    private final ClientAddress clients;
    private final GardenTenancy tenancy;
    private final Quarantines quarantines;
    private final Attributions attributions;
    private final CaseManagement cases;
    private final RemediationSteps steps;
    private final GardenAllowList allowList;
    private final Accounts accounts;
    private final Clock clock;
    private final String portalUrl;

    GardenPages(ClientAddress clients, GardenTenancy tenancy, Quarantines quarantines, Attributions attributions,
            CaseManagement cases, RemediationSteps steps, GardenAllowList allowList, Accounts accounts, Clock clock,
            @Value("${renkei.portal.url:}") String portalUrl) {
        this.clients = clients;
        this.tenancy = tenancy;
        this.quarantines = quarantines;
        this.attributions = attributions;
        this.cases = cases;
        this.steps = steps;
        this.allowList = allowList;
        this.accounts = accounts;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    /** A quarantined line found for the client: the organisation and the quarantine. */
    private record Found(long organisationId, Quarantine quarantine) {}

    @GetMapping(GardenPort.PAGE)
    String page(HttpServletRequest request, Locale locale, Model model) {
        Instant now = clock.instant();
        Optional<Found> found = find(clients.of(request), now);
        model.addAttribute("portalUrl", portalUrl);
        if (found.isEmpty()) {
            return "quarantine/garden-free";
        }
        long org = found.get().organisationId();
        Quarantine q = found.get().quarantine();
        Optional<SubscriberCase> c = cases.find(org, q.caseId());
        Optional<CaseDevice> device = cases.device(org, q.caseId());
        Language language = "en".equals(locale.getLanguage()) ? Language.EN : Language.JA;
        DeviceDescription description = device.map(d -> new DeviceDescription(d.vendor(), d.model(), Optional.<String>empty()))
                .orElse(DeviceDescription.unknown());
        c.ifPresent(found1 -> model.addAttribute("guidance", steps.guidance(org, found1.kind(),
                device.flatMap(CaseDevice::malwareFamily), description, language)));
        model.addAttribute("isp", accounts.organisationName(org));
        model.addAttribute("q", q);
        model.addAttribute("device", device);
        model.addAttribute("allowed", allowList.list(org));
        int left = Math.max(0, quarantines.selfReleaseLimit() - quarantines.selfReleases(org, q.subscriberId()));
        model.addAttribute("releasesLeft", left);
        return "quarantine/garden";
    }

    @PostMapping(GardenPort.RELEASE)
    String release(HttpServletRequest request, RedirectAttributes redirect) {
        Instant now = clock.instant();
        Optional<Found> found = find(clients.of(request), now);
        if (found.isPresent()) {
            QuarantineRelease result = quarantines.releaseFromGarden(found.get().organisationId(),
                    found.get().quarantine().subscriberId(), now);
            if (result instanceof QuarantineRelease.Released released) {
                redirect.addFlashAttribute("released", true);
                redirect.addFlashAttribute("releasesLeftAfter", released.selfReleasesLeft());
            } else if (result instanceof QuarantineRelease.LimitReached) {
                redirect.addFlashAttribute("limitReached", true);
            }
        }
        return "redirect:" + GardenPort.PAGE;
    }

    /**
     * The quarantined line behind the client address: the one organisation that may hold the address
     * (see {@link GardenTenancy}) is asked who holds it now, and only it.
     */
    private Optional<Found> find(String client, Instant now) {
        Optional<Long> tenant = tenancy.organisationFor(client);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        long org = tenant.get();
        AttributionAnswer answer = attributions.attribute(org, client, now, "walled-garden", "walled garden page");
        if (answer.attribution() instanceof Attribution.Attributed a) {
            return quarantines.activeQuarantine(org, a.assignment().subscriberId()).map(q -> new Found(org, q));
        }
        return Optional.empty();
    }
}
