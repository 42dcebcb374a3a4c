package jp.renkei.server.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.intake.ProblemKind;

/**
 * The cases of an organisation. Cases are opened and extended by observations (never through this
 * face); everything here is scoped by the organisation passed in, and a case id of another
 * organisation behaves exactly like an unknown one.
 */
public interface CaseManagement {

    /** The case with this id, if it belongs to the organisation. Reads only. */
    Optional<SubscriberCase> find(long organisationId, long caseId);

    /** The organisation's cases matching the filter, most recently seen first, at most {@code limit}. Reads only. */
    List<SubscriberCase> list(long organisationId, CaseFilter filter, int limit);

    /** How many cases the organisation has in each state; every state is present, zero included. Reads only. */
    Map<CaseState, Long> countsByState(long organisationId);

    /** How many cases that still need work the organisation has per problem kind; every kind present. Reads only. */
    Map<ProblemKind, Long> openCountsByKind(long organisationId);

    /** The ids of the observations that make up the case, oldest first; empty for an unknown case. */
    List<Long> observationIds(long organisationId, long caseId);

    /** The device as the case's latest observation describes it; empty for an unknown case. */
    Optional<CaseDevice> device(long organisationId, long caseId);

    /** The case's timeline, oldest first; empty for an unknown case. */
    List<CaseEvent> timeline(long organisationId, long caseId);

    /**
     * Appends an entry to the case's timeline in the caller's transaction (e.g. {@code notice-queued}
     * or {@code notice-failed} from the notify module). Does not change the case's state.
     *
     * @throws CaseNotFoundException when the case is not the organisation's
     */
    void recordEvent(long organisationId, long caseId, String kind, String detail);

    /**
     * As {@link #recordEvent(long, long, String, String)} at a given instant, for history taken
     * over from elsewhere (the demo's past weeks, a migration): the entry sorts by {@code at}.
     *
     * @throws CaseNotFoundException when the case is not the organisation's
     */
    void recordEvent(long organisationId, long caseId, String kind, String detail, Instant at);


    /**
     * A notice reached the subscriber on the channel: records {@code notice-sent} with the detail and
     * the channel on the timeline (effectiveness is measured per channel) and moves an {@code open}
     * case to {@code notified}; other states are kept (a fix report or a reinfection says more than
     * a sent notice).
     *
     * @throws CaseNotFoundException when the case is not the organisation's
     */
    void markNotified(long organisationId, long caseId, Channel channel, String detail);

    /**
     * As {@link #markNotified(long, long, Channel, String)} at a given instant (history taken over
     * from elsewhere, the demo): the first such entry is the case's first notice for effectiveness.
     */
    void markNotified(long organisationId, long caseId, Channel channel, String detail, Instant at);

    /**
     * The subscriber confirmed they read a notice ({@code via} e.g. "portal" or "walled-garden"):
     * stores {@code acknowledged_at} the first time, records {@code acknowledged} and moves an open,
     * notified or reinfected case to {@code acknowledged}; later states are kept. Escalation stops.
     *
     * @return the case after the change
     * @throws CaseNotFoundException when the case is not the organisation's
     */
    SubscriberCase acknowledge(long organisationId, long caseId, Instant at, String via);

    /**
     * The subscriber says the device is fixed (from the portal): stores the instant as
     * {@code fix_reported_at}, records {@code fix-reported} and moves an open, notified or reopened
     * case to {@code fixed-reported}. A case already in {@code fixed-reported} is left as it is, so
     * pressing the button twice changes nothing; a resolved case keeps its state and only gets the
     * timeline entry. A later observation seen after this instant reopens the case.
     *
     * @return the case after the change
     * @throws CaseNotFoundException when the case is not the organisation's
     */
    SubscriberCase reportFixed(long organisationId, long caseId, Instant at);

    /**
     * The reported fix is verified: moves a {@code fixed-reported} case to {@code verified} with
     * {@code verified_at = at} and a {@code verified} timeline entry carrying the evidence. Normally
     * called by the case module itself when enough clean report cycles
     * ({@code renkei.cases.verify-cycles}) came in; public for history taken over from elsewhere
     * (the demo). A case in any other state is left as it is.
     *
     * @return the case after the change
     * @throws CaseNotFoundException when the case is not the organisation's
     */
    SubscriberCase verifyFix(long organisationId, long caseId, Instant at, String evidence);

    /** When the subscriber first acknowledged and when the fix was verified, for the case page. Reads only. */
    Optional<CaseMilestones> milestones(long organisationId, long caseId);

    /** How the organisation's cases ended: verified, reinfected, natural remediation, closed after a fix report. */
    CaseOutcomes outcomes(long organisationId);

    /**
     * Closes, across all organisations, every case whose device has not been seen for the quiet
     * period ({@code renkei.cases.quiet-period}) before {@code now}: state
     * {@code closed-unverified}, {@code closed_at = now} and a timeline entry. Silence is not proof
     * of a fix, hence "unverified"; a new observation afterwards opens a new case. Verified cases
     * are never closed this way. Closed cases without a fix report count as natural remediation.
     *
     * @return how many cases were closed
     */
    int closeQuietCases(Instant now);
}
