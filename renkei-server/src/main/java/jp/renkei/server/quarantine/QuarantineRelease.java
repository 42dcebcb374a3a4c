package jp.renkei.server.quarantine;

/** What asking for a release did. */
public sealed interface QuarantineRelease {

    /** Released; {@code selfReleasesLeft} is how many more times the subscriber may release themselves. */
    record Released(long quarantineId, int selfReleasesLeft) implements QuarantineRelease {
    }

    /** The subscriber used up their self-releases; support staff must release. */
    record LimitReached(int limit) implements QuarantineRelease {
    }

    /** The subscriber is not in the walled garden. */
    record NotQuarantined() implements QuarantineRelease {
    }
}
