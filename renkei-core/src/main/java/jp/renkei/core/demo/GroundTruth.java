package jp.renkei.core.demo;

import java.time.Instant;

/** For one generated report row: who really held the IP then ({@code ""} when nobody did). */
public record GroundTruth(String reportType, String ip, Instant at, String subscriberId) {

    /** Whether a correct attribution must find nobody. */
    public boolean isUnattributable() {
        return subscriberId.isEmpty();
    }
}
