package jp.renkei.server.cases;

import java.time.Instant;

/**
 * A fixed (or verified) case's device was seen again after the fix report; published inside the
 * transaction that moved the case to reinfected.
 *
 * @param reinfection which reinfection of the case this is, 1 for the first
 * @param seenAgain   the device's latest sighting, the one that contradicted the fix
 */
public record CaseReinfected(long organisationId, long caseId, String subscriberId, int reinfection,
        Instant seenAgain) {}
