package jp.renkei.core.demo;

import java.time.Instant;

/** One planned report row; {@code profile} picks the device's banner or malware family. */
record ReportRow(String reportType, String ip, Instant at, String subscriberId, int profile, int port) {

    GroundTruth truth() {
        return new GroundTruth(reportType, ip, at, subscriberId);
    }
}
