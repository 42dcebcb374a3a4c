package jp.renkei.server.remediation;

import java.util.Optional;

/** The device as reports describe it; any part may be unknown. */
public record DeviceDescription(Optional<String> vendor, Optional<String> model, Optional<String> firmware) {

    /** Nothing known about the device. */
    public static DeviceDescription unknown() {
        return new DeviceDescription(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
