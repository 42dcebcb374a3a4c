package jp.renkei.core.escalation;

import java.time.Instant;
import java.util.Optional;

import jp.renkei.core.quarantine.Measure;
import jp.renkei.core.quarantine.QuarantineGate;

/**
 * Decides the next step of a case's ladder from stored facts and the time alone, so the same facts
 * always give the same answer: after a crash the caller asks again and gets the step it had not
 * yet recorded, never one it had.
 */
public final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /**
     * The next thing to do. Steps go strictly in ladder order: the lowest step not yet handled is
     * the only candidate, so a step is never passed over because a later one is also due. A step
     * is due {@code after} its delay from the start; on a channel that keeps quiet hours it is held
     * until they end, and nothing such goes out while they last, even when overdue.
     */
    public static EscalationDecision next(CaseFacts facts, Instant now) {
        Optional<StopReason> stop = facts.progress().stopReason();
        if (stop.isPresent()) {
            return new EscalationDecision.Stop(stop.get());
        }
        Ladder ladder = facts.ladder();
        int index = 0;
        while (index < ladder.steps().size() && facts.handled().contains(ladder.ref(index))) {
            index++;
        }
        if (index == ladder.steps().size()) {
            return new EscalationDecision.Stop(StopReason.LADDER_DONE);
        }
        LadderStep step = ladder.steps().get(index);
        StepRef ref = ladder.ref(index);
        Channel channel = facts.preferences().channelFor(ladder, step, facts.contacts());
        Instant scheduled = facts.startedAt().plus(step.after());
        Instant due = channel.keepsQuietHours() ? ladder.quietHours().release(scheduled) : scheduled;
        if (now.isBefore(due)) {
            return new EscalationDecision.Wait(due);
        }
        if (channel.keepsQuietHours() && ladder.quietHours().contains(now)) {
            return new EscalationDecision.Wait(ladder.quietHours().release(now));
        }
        if (!facts.contacts().reaches(channel)) {
            return new EscalationDecision.Skip(ref, channel, due, SkipReason.NO_CONTACT,
                    "no " + channel.code() + " address on record for case " + facts.caseId());
        }
        if (channel == Channel.WALLED_GARDEN
                && QuarantineGate.check(Measure.QUARANTINE, facts.consent(), facts.policy())
                        instanceof QuarantineGate.Refused refused) {
            return new EscalationDecision.Skip(ref, channel, due, SkipReason.NO_QUARANTINE_GROUNDS, refused.reason());
        }
        return new EscalationDecision.Send(ref, channel, due);
    }
}
