package jp.renkei.core.escalation;

/** Why a due step was passed over instead of sent; recorded with the step so it is not tried again. */
public enum SkipReason {
    /** The subscriber has no address for the step's channel. */
    NO_CONTACT,
    /** A walled-garden step without the subscriber's consent or an ISP policy allowing quarantine. */
    NO_QUARANTINE_GROUNDS
}
