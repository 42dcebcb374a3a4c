package jp.renkei.server.vendor.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a fix reaches a device of a product: this decides what an advisory asks of the owner. */
public enum UpdateMechanism {
    /** The device updates itself. */
    AUTOMATIC,
    /** The owner must apply the update. */
    USER_APPLIED,
    /** A technician must apply it. */
    ON_SITE;

    /** e.g. {@code user-applied}, as stored and as the API spells it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses the code. */
    public static Optional<UpdateMechanism> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code.strip())).findFirst();
    }
}
