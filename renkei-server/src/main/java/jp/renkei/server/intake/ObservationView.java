package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;

/**
 * An observation as shown on a case: what was seen, the raw record, and how it was attributed.
 * {@code deviceFirmware} is the firmware version the report named, when it named one.
 */
public record ObservationView(long id, String reportType, String fileName, long line, Instant sourceTime,
        String ip, Optional<Integer> port, String transport, ProblemKind kind, Optional<String> severity,
        Optional<String> malwareFamily, Optional<String> deviceVendor, Optional<String> deviceModel,
        Map<String, String> evidence, AttributionEvidence attribution, Optional<String> deviceFirmware) {}
