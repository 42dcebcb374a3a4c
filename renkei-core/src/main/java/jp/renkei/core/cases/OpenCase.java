package jp.renkei.core.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's case for one problem that still takes sightings (any state but closed-unverified),
 * as the device rules need it: its device key ({@code ""} while no report named the device) and
 * when it was last seen.
 */
public record OpenCase(long id, String deviceKey, Instant lastSeen) {

    /** Rejects nulls. */
    public OpenCase {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
