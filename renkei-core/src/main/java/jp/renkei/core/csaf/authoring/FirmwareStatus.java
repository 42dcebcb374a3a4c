package jp.renkei.core.csaf.authoring;

import java.util.Objects;
import java.util.Optional;
import jp.renkei.core.csaf.Flag;

/** What a vulnerability means for one firmware on one model; not-affected needs a VEX justification. */
public record FirmwareStatus(FirmwareRef firmware, State state, Optional<Flag.Label> justification) {

    /** The statuses Renkei records per firmware. */
    public enum State {
        AFFECTED, FIRST_FIXED, FIXED, NOT_AFFECTED, UNDER_INVESTIGATION
    }

    public FirmwareStatus {
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(justification, "justification");
        if ((state == State.NOT_AFFECTED) != justification.isPresent()) {
            throw new IllegalArgumentException(firmware + ": a justification goes with not affected, and only with it");
        }
    }

    /** The firmware is affected. */
    public static FirmwareStatus affected(String model, String version) {
        return new FirmwareStatus(new FirmwareRef(model, version), State.AFFECTED, Optional.empty());
    }

    /** The first firmware of its line that fixes the vulnerability. */
    public static FirmwareStatus firstFixed(String model, String version) {
        return new FirmwareStatus(new FirmwareRef(model, version), State.FIRST_FIXED, Optional.empty());
    }

    /** A firmware that contains the fix. */
    public static FirmwareStatus fixed(String model, String version) {
        return new FirmwareStatus(new FirmwareRef(model, version), State.FIXED, Optional.empty());
    }

    /** The firmware is not affected, for the reason given. */
    public static FirmwareStatus notAffected(String model, String version, Flag.Label justification) {
        return new FirmwareStatus(new FirmwareRef(model, version), State.NOT_AFFECTED, Optional.of(justification));
    }

    /** The vendor is still investigating. */
    public static FirmwareStatus underInvestigation(String model, String version) {
        return new FirmwareStatus(new FirmwareRef(model, version), State.UNDER_INVESTIGATION, Optional.empty());
    }
}
