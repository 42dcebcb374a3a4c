package jp.renkei.server.vendor.psirt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a product is not affected, in the words of CSAF 2.0 / VEX flags. */
public enum Justification {
    COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT, VULNERABLE_CODE_NOT_IN_EXECUTE_PATH,
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY, INLINE_MITIGATIONS_ALREADY_EXIST;

    /** The CSAF label, e.g. {@code component_not_present}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Justification> fromCode(String code) {
        return Arrays.stream(values()).filter(j -> j.code().equals(code == null ? "" : code.strip())).findFirst();
    }
}
