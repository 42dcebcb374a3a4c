package jp.renkei.server.vendor.psirt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the PSIRT's analysis of a vulnerability stands for the vendor's products. */
public enum RecordStatus {
    UNDER_INVESTIGATION, AFFECTED, NOT_AFFECTED, FIX_PLANNED, FIXED;

    /** {@code under-investigation}, {@code affected}, … as stored and in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RecordStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code == null ? "" : code.strip())).findFirst();
    }

    /** True for statuses that name affected products: affected, fix planned, fixed. */
    public boolean namesAffectedProducts() {
        return this == AFFECTED || this == FIX_PLANNED || this == FIXED;
    }
}
