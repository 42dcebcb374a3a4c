package jp.renkei.core.demo;

import java.time.Instant;
import jp.renkei.core.intake.ShadowserverReportType;

/**
 * One planned report row; {@code profile} picks the device's banner or malware family; {@code
 * reason} is the expected no-answer code when {@code subscriberId} is empty.
 */
record ReportRow(String reportType, String ip, Instant at, String subscriberId, int profile, int port, String reason) {

    GroundTruth truth() {
        boolean usablePort = reportType.equals(ShadowserverReportType.EVENT4_SINKHOLE);
        return new GroundTruth(reportType, ip, at, subscriberId, usablePort ? port : -1, reason);
    }
}
