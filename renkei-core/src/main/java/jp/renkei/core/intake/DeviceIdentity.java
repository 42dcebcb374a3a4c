package jp.renkei.core.intake;

import java.util.Objects;
import java.util.Optional;

/** A device as far as a report or banner tells: vendor, and model and firmware when known. */
public record DeviceIdentity(String vendor, Optional<String> model, Optional<String> firmware) {

    /** Rejects nulls. */
    public DeviceIdentity {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmware, "firmware");
    }
}
