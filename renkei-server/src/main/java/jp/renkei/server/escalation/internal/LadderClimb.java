package jp.renkei.server.escalation.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.CaseFacts;
import jp.renkei.core.escalation.CaseProgress;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.Contacts;
import jp.renkei.core.escalation.EscalationDecision;
import jp.renkei.core.escalation.EscalationPolicy;
import jp.renkei.core.escalation.StepRef;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.notify.NoticeRequestOutcome;
import jp.renkei.server.notify.NoticeRequests;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.QuarantinePolicies;
import jp.renkei.server.quarantine.QuarantineStart;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.subscribers.SubscriberDirectory;
import jp.renkei.server.subscribers.SubscriberPreferences;
import org.springframework.stereotype.Component;

/**
 * One case's climb, in the caller's transaction with its run locked: asks the core policy, hands
 * each due step to its channel (the notice outbox or the walled garden) and records the step in
 * the same transaction, until the policy says wait or stop. Either the step and its notice or
 * quarantine commit together, or neither does, so a crash can repeat no step and lose none.
 */
@Component
class LadderClimb {

    private final RunStore runs;
    private final LadderStore ladders;
    private final CaseManagement cases;
    private final SubscriberDirectory directory;
    private final SubscriberPreferences preferences;
    private final Consents consents;
    private final QuarantinePolicies policies;
    private final NoticeRequests notices;
    private final Quarantines quarantines;

    LadderClimb(RunStore runs, LadderStore ladders, CaseManagement cases, SubscriberDirectory directory,
            SubscriberPreferences preferences, Consents consents, QuarantinePolicies policies, NoticeRequests notices,
            Quarantines quarantines) {
        this.runs = runs;
        this.ladders = ladders;
        this.cases = cases;
        this.directory = directory;
        this.preferences = preferences;
        this.consents = consents;
        this.policies = policies;
        this.notices = notices;
        this.quarantines = quarantines;
    }

    /** Handles every step of the locked run that is due at {@code now}; returns how many. */
    int climb(RunStore.Run run, Instant now) {
        long org = run.organisationId();
        // Only a case's latest run climbs. An older one is still going only when a reinfection
        // started the next run while a tick held this one (LadderRestart does not wait for it).
        if (runs.latestRun(org, run.caseId()) > run.run()) {
            runs.finish(run, "reinfected", now);
            return 0;
        }
        Optional<SubscriberCase> found = cases.find(org, run.caseId());
        if (found.isEmpty()) {
            runs.finish(run, "case-gone", now);
            return 0;
        }
        StoredLadder ladder = ladders.byId(org, run.ladderId());
        // Contacts are an audited identity read: ask the policy without them first, and read them
        // only when a step is due. Preferences only swap message channels for message channels,
        // which keep the same quiet hours, so a wait answered without contacts is the same wait.
        CaseFacts facts = new CaseFacts(String.valueOf(run.caseId()), ladder.ladder(), run.startedAt(),
                progress(found.get().state()), runs.handled(org, run.id()), Contacts.none(),
                preferences.preferences(org, run.subscriberId()), consents.current(org, run.subscriberId()),
                policies.current(org));
        EscalationDecision decision = EscalationPolicy.next(facts, now);
        if (decision instanceof EscalationDecision.Send || decision instanceof EscalationDecision.Skip) {
            StepRef step = decision instanceof EscalationDecision.Send s ? s.step()
                    : ((EscalationDecision.Skip) decision).step();
            Contacts contacts = directory.contacts(org, run.subscriberId(), "system",
                    "ladder step " + step.code() + " for case " + run.caseId()).orElse(Contacts.none());
            facts = new CaseFacts(facts.caseId(), facts.ladder(), facts.startedAt(), facts.progress(), facts.handled(),
                    contacts, facts.preferences(), facts.consent(), facts.policy());
            decision = EscalationPolicy.next(facts, now);
        }
        int handled = 0;
        while (true) {
            if (decision instanceof EscalationDecision.Send s) {
                handle(run, s.step(), s.channel(), s.dueAt(), now);
                facts = facts.withHandled(s.step());
            } else if (decision instanceof EscalationDecision.Skip s) {
                handle(run, s.step(), s.channel(), s.dueAt(), now);
                facts = facts.withHandled(s.step());
            } else if (decision instanceof EscalationDecision.Wait w) {
                runs.checkAgainAt(run, w.until());
                return handled;
            } else {
                String reason = code(((EscalationDecision.Stop) decision).reason().name());
                runs.finish(run, reason, now);
                cases.recordEvent(org, run.caseId(), "ladder-stopped", reason + " (" + ladder.label() + " run "
                        + run.run() + ")");
                return handled;
            }
            handled++;
            decision = EscalationPolicy.next(facts, now);
        }
    }

    /**
     * Hands a due step to its channel. A step the policy would skip goes to the channel too, so
     * the channel records its own refusal where staff look for it (a failed notice with its
     * reason, an audited refused quarantine) and the recorded reason is the channel's; the step
     * counts as sent only if the channel took it (an address may have been added in between).
     */
    private void handle(RunStore.Run run, StepRef step, Channel channel, Instant dueAt, Instant now) {
        long org = run.organisationId();
        String purpose = purpose(run, step);
        Optional<String> refused;
        if (channel == Channel.WALLED_GARDEN) {
            QuarantineStart started = quarantines.start(org, run.caseId(), run.subscriberId(), purpose, now);
            refused = started instanceof QuarantineStart.Refused r ? Optional.of(r.reason()) : Optional.empty();
        } else {
            NoticeRequestOutcome queued = notices.queue(org, run.caseId(), channel, purpose);
            refused = queued instanceof NoticeRequestOutcome.Unreachable u ? Optional.of(u.reason()) : Optional.empty();
        }
        runs.recordStep(run, step, channel, refused.isEmpty(), refused, dueAt, now);
        if (refused.isEmpty()) {
            cases.recordEvent(org, run.caseId(), "ladder-step", channel.code() + " " + step.code());
        } else {
            cases.recordEvent(org, run.caseId(), "ladder-step-skipped", channel.code() + " " + step.code() + ": "
                    + refused.get());
        }
    }

    /**
     * What the notice or quarantine is for: the step code, e.g. {@code default@1#0}. Both are
     * unique per case and purpose, so a later run (after a reinfection) names its run, e.g.
     * {@code default@1#0 run 2}, or its steps would count as already done.
     */
    static String purpose(RunStore.Run run, StepRef step) {
        return run.run() == 1 ? step.code() : step.code() + " run " + run.run();
    }

    /** How far the case got, as the ladder sees it: only open cases climb. */
    static CaseProgress progress(CaseState state) {
        return switch (state) {
            case OPEN, NOTIFIED, REINFECTED -> CaseProgress.OPEN;
            case ACKNOWLEDGED -> CaseProgress.ACKNOWLEDGED;
            case FIXED_REPORTED -> CaseProgress.FIX_REPORTED;
            case VERIFIED -> CaseProgress.VERIFIED;
            case CLOSED_UNVERIFIED -> CaseProgress.CLOSED;
        };
    }

    /** {@code FIX_REPORTED} → {@code fix-reported}. */
    static String code(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
