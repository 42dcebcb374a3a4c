package jp.renkei.core.intake.export;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An observation as it leaves Renkei: what was seen, where and when, and which feed reported it.
 * Deliberately without the subscriber: exports go to other teams and CERT pipelines, and who held
 * an address is covered by the secrecy of communications.
 *
 * @param kind a problem kind code, e.g. {@code exposed-telnet} or {@code infected}
 */
public record ExportedObservation(Instant sourceTime, String ip, OptionalInt port, String transport, String kind,
        Optional<String> severity, Optional<String> malwareFamily, Optional<String> deviceVendor,
        Optional<String> deviceModel, String reportType, Optional<String> feed, String fileName, long line) {

    /** Rejects nulls. */
    public ExportedObservation {
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(malwareFamily, "malwareFamily");
        Objects.requireNonNull(deviceVendor, "deviceVendor");
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(fileName, "fileName");
    }
}
