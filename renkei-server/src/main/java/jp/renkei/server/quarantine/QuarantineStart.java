package jp.renkei.server.quarantine;

/** What asking for a quarantine did. */
public sealed interface QuarantineStart {

    /** The subscriber's line is now in the walled garden, on these grounds (as audited). */
    record Started(long quarantineId, String grounds) implements QuarantineStart {
    }

    /** This case's step already started one; nothing changed. */
    record AlreadyStarted(long quarantineId) implements QuarantineStart {
    }

    /** Not allowed: neither consent nor an ISP policy covers it; the reason says what is missing. */
    record Refused(String reason) implements QuarantineStart {
    }
}
