package jp.renkei.core.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One report record turned into an observation not yet attributed or stored: the normal form
 * every format (Shadowserver, IntelMQ, NOTICE-style CSV, X-ARF, mapped CSV) is read into.
 *
 * @param reportType     what the source calls the report ({@code scan_telnet}, an IntelMQ feed, …)
 * @param line           1-based line where the record starts in its file
 * @param sourceTime     when the source saw the device (UTC)
 * @param ip             canonical IPv4 or IPv6 text
 * @param port           listening port (scans) or source port (events), when given
 * @param transport      {@code tcp}, {@code udp} or empty
 * @param deviceFirmware firmware or OS and version, from a report column or a recognised banner
 * @param evidence       the raw record, column to value in file order; columns Renkei does not
 *                       interpret are kept here
 * @param fingerprint    hash of report type and evidence, so re-imports are idempotent
 */
public record ObservationDraft(String reportType, long line, Instant sourceTime, String ip, OptionalInt port,
                               String transport, ProblemKind kind, Optional<Severity> severity,
                               Optional<String> malwareFamily, Optional<String> deviceVendor,
                               Optional<String> deviceModel, Optional<String> deviceFirmware,
                               LinkedHashMap<String, String> evidence, String fingerprint) {

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
        Objects.requireNonNull(deviceFirmware, "deviceFirmware");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * The device's own source port, when this observation saw the device connect out (infected,
     * brute-force source): behind a carrier-grade NAT it tells subscribers sharing the address
     * apart. A scan's port is the port the device listens on and says nothing about who is behind
     * a shared address, so scans answer empty.
     */
    public OptionalInt sourcePort() {
        return kind == ProblemKind.INFECTED || kind == ProblemKind.BRUTE_FORCE_SOURCE ? port : OptionalInt.empty();
    }

    /** A draft without firmware (the form before firmware was recorded). */
    public ObservationDraft(String reportType, long line, Instant sourceTime, String ip, OptionalInt port,
            String transport, ProblemKind kind, Optional<Severity> severity, Optional<String> malwareFamily,
            Optional<String> deviceVendor, Optional<String> deviceModel, LinkedHashMap<String, String> evidence,
            String fingerprint) {
        this(reportType, line, sourceTime, ip, port, transport, kind, severity, malwareFamily, deviceVendor,
                deviceModel, Optional.empty(), evidence, fingerprint);
    }
}
