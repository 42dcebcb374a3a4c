package jp.renkei.server.notify.internal;

import java.time.ZoneId;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.SubscriberCase;

/**
 * Everything a notice says, whatever the channel: who writes (the ISP) to whom, what was seen,
 * the steps for the device, and the code to type on the ISP's portal (never a link).
 */
record NoticeFacts(Language language, String isp, String subscriberName, SubscriberCase subscriberCase,
        Optional<CaseDevice> device, AccessCode code, Guidance guidance, String portalUrl, ZoneId zone) {

    /** Vendor and model as the reports name them, when they do. */
    Optional<String> deviceName() {
        return device.flatMap(d -> {
            String name = (d.vendor().orElse("") + " " + d.model().orElse("")).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        });
    }

    boolean japanese() {
        return language != Language.EN;
    }
}
