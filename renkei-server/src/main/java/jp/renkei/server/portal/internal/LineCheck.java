package jp.renkei.server.portal.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.attribution.Attributions;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.intake.ObservationView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Check now" on the portal: what reports said in the last days about the addresses the
 * subscriber holds now, and only while they held them, so no other subscriber's data shows.
 */
@Service
public class LineCheck {

    /** How far back "check now" looks. */
    public static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final int LIMIT = 20;

    private final Attributions attributions;
    private final ObservationQueries observations;

    LineCheck(Attributions attributions, ObservationQueries observations) {
        this.attributions = attributions;
        this.observations = observations;
    }

    /** One report about the subscriber's line. */
    public record Seen(Instant at, String address, Optional<Integer> port, ProblemKind kind) {}

    /** The answer: the addresses held now and what was seen on them, newest first. */
    public record Result(Instant checkedAt, Instant since, List<String> addresses, List<Seen> seen) {

        /** The latest report, if there was one in the window. */
        public Optional<Seen> latest() {
            return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(0));
        }
    }

    /** Looks up the subscriber's current addresses (audited) and the reports about them since {@code now - LOOK_BACK}. */
    @Transactional
    public Result check(long organisationId, String subscriberId, long caseId, Instant now) {
        Instant since = now.minus(LOOK_BACK);
        List<Assignment> held = attributions.heldBy(organisationId, subscriberId, now, "portal",
                "check now, case " + caseId);
        List<Seen> seen = held.stream()
                .flatMap(a -> observations.seenWhileHeld(organisationId, a, since, now, LIMIT).stream())
                .sorted(Comparator.comparing(ObservationView::sourceTime).reversed())
                .limit(LIMIT)
                .map(o -> new Seen(o.sourceTime(), o.ip(), o.port(), o.kind()))
                .toList();
        List<String> addresses = held.stream()
                .map(a -> a.prefixLength() == (a.ip().indexOf(':') >= 0 ? 128 : 32) ? a.ip() : a.ip() + "/" + a.prefixLength())
                .distinct()
                .toList();
        return new Result(now, since, addresses, seen);
    }
}
