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

    /**
     * The guidance for the problem on this device in the language: the ISP's steps for the most
     * specific match (vendor, model and firmware; vendor and model; vendor), else the general
     * steps for the problem.
     */
    public Guidance guidance(long organisationId, ProblemKind kind, Optional<String> malwareFamily,
            DeviceDescription device, Language language) {
        return RemediationGuide.forProblem(kind, language, malwareFamily);
    }
}
