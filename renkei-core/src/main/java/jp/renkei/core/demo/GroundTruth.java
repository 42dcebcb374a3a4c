package jp.renkei.core.demo;

import java.time.Instant;

/**
 * For one generated report row: who really held the IP (and {@code port}, -1 when the row has
 * no usable source port) then, {@code ""} when nobody can be named; {@code reason} is then the
 * code a correct attribution answers with under {@link SyntheticIsp#policy()}
 * ({@code no-assignment}, {@code not-our-address}, {@code log-expired}), else empty.
 */
public record GroundTruth(String reportType, String ip, Instant at, String subscriberId, int port, String reason) {

    /** A row with a subscriber (reason empty) or, when the id is empty, no assignment. */
    public GroundTruth(String reportType, String ip, Instant at, String subscriberId) {
        this(reportType, ip, at, subscriberId, -1, subscriberId.isEmpty() ? "no-assignment" : "");
    }

    /** Whether a correct attribution must find nobody. */
    public boolean isUnattributable() {
        return subscriberId.isEmpty();
    }
}
