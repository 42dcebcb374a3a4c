package jp.renkei.core.escalation;

/** Why a case climbs no further. */
public enum StopReason {
    ACKNOWLEDGED,
    FIX_REPORTED,
    VERIFIED,
    CLOSED,
    /** Every step was sent or skipped. */
    LADDER_DONE
}
