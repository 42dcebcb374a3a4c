package jp.renkei.server.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * What the latest observation of a case says about the device, for texts addressed to the
 * subscriber (who must not need the raw report to recognise their device). {@code firmware} is the
 * latest firmware version a report of the case named, for device-specific remediation steps.
 */
public record CaseDevice(String ip, Optional<Integer> port, Optional<String> vendor, Optional<String> model,
        Optional<String> malwareFamily, Instant seenAt, Optional<String> firmware) {}
