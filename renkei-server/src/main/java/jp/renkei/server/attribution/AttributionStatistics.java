package jp.renkei.server.attribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.attribution.internal.OutcomeStore;
import org.springframework.stereotype.Service;

/** Dashboard numbers: how observations fared in attribution, and whether reports outlive the logs. */
@Service
public class AttributionStatistics {

    /**
     * Observations attributed in a period: {@code total}, {@code attributed} (a subscriber named:
     * exact, boundary or open session), counts per outcome code (confidence or reason), and
     * {@code lateReports}: observations whose source time was already older than every source's
     * retained logs — the warning that reports arrive later than logs are kept.
     */
    public record Summary(Instant since, long total, long attributed, Map<String, Long> byOutcome, long lateReports,
                          Optional<Instant> retainedSince) {

        /** Share of observations attributed, 0 to 1 (0 when there were none). */
        public double attributedShare() {
            return total == 0 ? 0 : (double) attributed / total;
        }

        /** Whether to warn that reports arrive later than logs are kept. */
        public boolean warnLateReports() {
            return lateReports > 0;
        }
    }

    private final OutcomeStore outcomes;
    private final AttributionSettings settings;
    private final Clock clock = Clock.systemUTC();

    AttributionStatistics(OutcomeStore outcomes, AttributionSettings settings) {
        this.outcomes = outcomes;
        this.settings = settings;
    }

    /** The summary of observations attributed in the last {@code period}. */
    public Summary summary(long organisationId, Duration period) {
        Instant since = clock.instant().minus(period);
        Map<String, Long> counts = outcomes.countsSince(organisationId, since);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long attributed = counts.entrySet().stream()
                .filter(e -> e.getKey().equals(AttributionAnswer.EXACT) || e.getKey().equals(AttributionAnswer.BOUNDARY)
                        || e.getKey().equals(AttributionAnswer.OPEN_SESSION))
                .mapToLong(Map.Entry::getValue).sum();
        Optional<Instant> retainedSince = settings.retainedSince(organisationId);
        long late = retainedSince.map(r -> outcomes.arrivedAfterLogsExpired(organisationId, since, r)).orElse(0L);
        return new Summary(since, total, attributed, counts, late, retainedSince);
    }
}
