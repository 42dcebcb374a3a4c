package jp.renkei.core.sbom;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** CycloneDX component types; a vendor's SBOM typically has a {@code device} and its {@code firmware}. */
public enum ComponentType {
    APPLICATION, FRAMEWORK, LIBRARY, CONTAINER, PLATFORM, OPERATING_SYSTEM, DEVICE, DEVICE_DRIVER, FIRMWARE, FILE,
    MACHINE_LEARNING_MODEL, DATA, CRYPTOGRAPHIC_ASSET;

    /** The CycloneDX spelling, e.g. {@code operating-system}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the CycloneDX spelling. */
    public static Optional<ComponentType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
