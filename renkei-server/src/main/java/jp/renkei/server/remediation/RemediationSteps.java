package jp.renkei.server.remediation;

import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.core.remediation.RemediationGuide;
import org.springframework.stereotype.Service;

/** The steps to show a subscriber for a problem on a device, as notices, the portal and the walled garden need them. */
@Service
public class RemediationSteps {

    private final RemediationEntries entries;

    RemediationSteps(RemediationEntries entries) {
        this.entries = entries;
    }

    /**
     * The guidance for the problem on this device in the language: the ISP's steps for the most
     * specific match (vendor, model and firmware; vendor and model; vendor; the problem kind
     * alone), else the general steps for the problem. Reads only.
     */
    public Guidance guidance(long organisationId, ProblemKind kind, Optional<String> malwareFamily,
            DeviceDescription device, Language language) {
        return entries.bestMatch(organisationId, kind, device)
                .map(e -> e.in(language))
                .orElseGet(() -> RemediationGuide.forProblem(kind, language, malwareFamily));
    }
}
