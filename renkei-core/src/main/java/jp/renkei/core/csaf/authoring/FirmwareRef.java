package jp.renkei.core.csaf.authoring;

import java.util.Objects;

/**
 * A firmware version as installed on a device model — the unit an advisory gives a status to. The
 * firmware is the model's own version, or another model's image that the catalogue says runs on it.
 */
public record FirmwareRef(String modelNumber, String version) {

    public FirmwareRef {
        Objects.requireNonNull(modelNumber, "modelNumber");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return modelNumber + " firmware " + version;
    }
}
