package jp.renkei.server.quarantine;

import java.time.Instant;
import java.util.Optional;

/**
 * One stay of a subscriber's line in the walled garden: the case and ladder step that started it,
 * the grounds it was started on (consent or policy, as audited), and how it ended.
 *
 * @param releasedBy {@code subscriber}, {@code automatic}, {@code staff:<user>}, {@code case-verified}
 *        or {@code case-closed}; empty while active
 */
public record Quarantine(long id, long caseId, String subscriberId, String step, String grounds, String state,
        Instant startedAt, Instant releaseDueAt, Optional<Instant> releasedAt, Optional<String> releasedBy) {

    /** Whether the line is in the walled garden now. */
    public boolean active() {
        return state.equals("active");
    }
}
