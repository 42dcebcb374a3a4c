package jp.renkei.core.csaf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A machine-readable reason why the listed products are not affected (a VEX justification). */
public record Flag(Label label, List<String> productIds, List<String> groupIds, Optional<Instant> date) {

    /** The VEX justifications CSAF 2.0 defines. */
    public enum Label implements CsafEnum {
        COMPONENT_NOT_PRESENT, INLINE_MITIGATIONS_ALREADY_EXIST, VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY,
        VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, VULNERABLE_CODE_NOT_PRESENT
    }

    public Flag {
        Objects.requireNonNull(label, "label");
        productIds = List.copyOf(productIds);
        groupIds = List.copyOf(groupIds);
        Objects.requireNonNull(date, "date");
    }
}
