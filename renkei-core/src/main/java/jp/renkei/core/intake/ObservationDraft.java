package jp.renkei.core.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One report row turned into an observation not yet attributed or stored. {@code evidence} is
 * the raw row (column to value, file order); {@code fingerprint} makes re-imports idempotent.
 */
public record ObservationDraft(String reportType, long line, Instant sourceTime, String ip, OptionalInt port,
                               String transport, ProblemKind kind, Optional<Severity> severity,
                               Optional<String> malwareFamily, Optional<String> deviceVendor,
                               Optional<String> deviceModel, LinkedHashMap<String, String> evidence,
                               String fingerprint) {

    /** Rejects nulls. */
    public ObservationDraft {
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(malwareFamily, "malwareFamily");
        Objects.requireNonNull(deviceVendor, "deviceVendor");
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
