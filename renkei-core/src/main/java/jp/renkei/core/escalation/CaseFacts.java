package jp.renkei.core.escalation;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.IspPolicy;

/**
 * What the escalation policy needs to know about one case, read by the caller from storage.
 *
 * @param caseId the case, for messages
 * @param ladder the ladder version the case runs on
 * @param startedAt when the case entered the ladder: day 0, when its first notice was due; a
 *        reinfected case that starts over passes the new start and an empty {@code handled}
 * @param progress how far the case got
 * @param handled the steps already sent or skipped, as persisted by the caller
 * @param contacts where the subscriber can be reached
 * @param preferences the subscriber's channel preferences
 * @param consent the subscriber's consent, if they gave any
 * @param policy the ISP policy that allows measures without consent, if one is recorded
 */
public record CaseFacts(String caseId, Ladder ladder, Instant startedAt, CaseProgress progress, Set<StepRef> handled,
        Contacts contacts, ChannelPreferences preferences, Optional<Consent> consent, Optional<IspPolicy> policy) {

    /**
     * Rejects handled steps of another ladder or version: answering them as if unsent would send
     * a step twice, so a caller that switched the case's ladder must say so loudly.
     */
    public CaseFacts {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(policy, "policy");
        handled = Set.copyOf(handled);
        for (StepRef ref : handled) {
            if (!ladder.owns(ref)) {
                throw new IllegalArgumentException("case " + caseId + " runs ladder " + ladder.name() + " version "
                        + ladder.version() + " but step " + ref.code() + " is recorded as handled");
            }
        }
    }

    /** A copy with one more handled step. */
    public CaseFacts withHandled(StepRef step) {
        Set<StepRef> more = new HashSet<>(handled);
        more.add(step);
        return new CaseFacts(caseId, ladder, startedAt, progress, more, contacts, preferences, consent, policy);
    }

    /** A copy at another point of progress. */
    public CaseFacts withProgress(CaseProgress next) {
        return new CaseFacts(caseId, ladder, startedAt, next, handled, contacts, preferences, consent, policy);
    }
}
