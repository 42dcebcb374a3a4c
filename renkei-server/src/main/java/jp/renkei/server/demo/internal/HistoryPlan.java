package jp.renkei.server.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import jp.renkei.core.escalation.Channel;

/**
 * The demo's past six weeks of notified cases, decided up front from a seed: per channel of the
 * first notice, how often and how fast subscribers acknowledge and fix. The rates follow the
 * evidence (EVIDENCE.md): e-mail-only notices had no measurable effect on Mirai cleanup (Cetin et
 * al., NDSS 2019), so e-mail fixes stay near the background; a walled garden with self-release
 * fixed 92% within 14 days; SMS and LINE sit between (many users read SNS rather than carrier
 * mail); letters work but arrive days later; 58-74% of devices clean up without any notice, so a
 * good share of the unfixed ones just go quiet; 5% of fixed devices were reinfected.
 */
final class HistoryPlan {

    /** Cases per channel. */
    static final int PER_CHANNEL = 30;
    /** The oldest report, in days before today. */
    static final int OLDEST_DAY = 45;
    /** When a day's report is taken in: the next morning. */
    static final Duration REPORT_DELAY = Duration.ofHours(26);

    /** How one channel's subscribers behave: shares and mean delays in days after the first notice. */
    private record Behaviour(Channel channel, String ladder, double ack, double ackDays, double fix, double fixDays,
            int maxFixDays) {}

    private static final List<Behaviour> BEHAVIOURS = List.of(
            new Behaviour(Channel.EMAIL, "standard@1 arm email-first", 0.20, 6, 0.15, 9, 29),
            new Behaviour(Channel.SMS, "standard@1 arm sms-first", 0.55, 2, 0.45, 5, 29),
            new Behaviour(Channel.LINE, "line-first@1", 0.65, 1.5, 0.55, 4, 29),
            new Behaviour(Channel.LETTER, "postal@1", 0.50, 5, 0.50, 8, 29),
            new Behaviour(Channel.WALLED_GARDEN, "garden@1", 0.95, 0.3, 0.92, 3, 14));

    /** Share of the unfixed devices that go quiet by themselves (natural remediation). */
    private static final double GOES_QUIET = 0.45;
    /** Every n-th verified fix is seen again today (5% reinfected). */
    private static final int REINFECTED_EVERY = 20;

    /**
     * One device's story; an empty instant did not happen (or not yet by {@code now}).
     *
     * @param firstSeenAt    the first scan that saw it
     * @param hour           the hour of each day the scans see it
     * @param goneFrom       from this instant no scan sees it (fixed, or quiet by itself)
     * @param cleanReports   completion of the reports after the fix that did not show it (at most two)
     * @param reinfected     seen again in today's report, after the verified fix
     */
    record Device(String subscriberId, String ip, Channel channel, String ladder, Instant firstSeenAt, int hour,
            Instant notifiedAt, Optional<Instant> acknowledgedAt, Optional<Instant> fixReportedAt,
            List<Instant> cleanReports, Optional<Instant> goneFrom, boolean reinfected) {

        /** Whether the scans of the day starting at {@code dayStart} see the device. */
        boolean seenOn(Instant dayStart) {
            Instant at = dayStart.plus(Duration.ofHours(hour));
            return !at.isBefore(firstSeenAt) && goneFrom.map(at::isBefore).orElse(true);
        }
    }

    private HistoryPlan() {
    }

    /** The start (00:00 UTC) of the day {@code daysAgo} days before {@code now}'s day. */
    static Instant dayStart(Instant now, int daysAgo) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(daysAgo));
    }

    /** Every device of the history, {@link #PER_CHANNEL} per channel, deterministic for a seed. */
    static List<Device> plan(long seed, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Device> devices = new ArrayList<>();
        int n = 0;
        int verified = 0;
        for (Behaviour b : BEHAVIOURS) {
            for (int i = 0; i < PER_CHANNEL; i++) {
                n++;
                String subscriber = String.format("H-%04d", n);
                String ip = "172.16." + (n / 250) + "." + (n % 250 + 1);
                int firstDay = 6 + random.nextInt(OLDEST_DAY - 5);
                int hour = 1 + random.nextInt(20);
                Instant firstSeen = dayStart(now, firstDay).plus(Duration.ofHours(hour));
                Instant notified = dayStart(now, firstDay).plus(REPORT_DELAY).plus(Duration.ofHours(2));
                Optional<Instant> ack = Optional.empty();
                if (random.nextDouble() < b.ack()) {
                    ack = Optional.of(notified.plus(days(random, b.ackDays(), 29)));
                }
                Optional<Instant> fix = Optional.empty();
                Optional<Instant> gone = Optional.empty();
                List<Instant> clean = new ArrayList<>();
                boolean reinfected = false;
                if (random.nextDouble() < b.fix()) {
                    Instant fixAt = notified.plus(days(random, b.fixDays(), b.maxFixDays()));
                    fix = Optional.of(fixAt);
                    gone = fix;
                    // The subscriber saw the notice before saying "fixed" on the portal.
                    if (ack.isEmpty() || ack.get().isAfter(fixAt)) {
                        ack = Optional.of(fixAt.minus(Duration.ofMinutes(20)));
                    }
                    // Reports of the days after the fix day, taken in the morning after each.
                    Instant afterFix = fixAt.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
                    for (int k = 0; k < 2; k++) {
                        Instant completed = afterFix.plus(Duration.ofDays(k)).plus(REPORT_DELAY);
                        if (completed.isBefore(now)) {
                            clean.add(completed);
                        }
                    }
                    if (clean.size() == 2 && ++verified % REINFECTED_EVERY == 0) {
                        reinfected = true;
                    }
                } else if (random.nextDouble() < GOES_QUIET) {
                    gone = Optional.of(notified.plus(Duration.ofDays(1 + random.nextInt(20))));
                }
                devices.add(new Device(subscriber, ip, b.channel(), b.ladder(), firstSeen, hour, notified,
                        ack.filter(now::isAfter), fix.filter(now::isAfter), clean, gone, reinfected));
            }
        }
        return devices;
    }

    /** An exponential delay with the given mean in days, capped. */
    private static Duration days(SplittableRandom random, double meanDays, int maxDays) {
        double d = -meanDays * Math.log(1 - random.nextDouble());
        return Duration.ofMinutes(Math.round(Math.min(d, maxDays) * 24 * 60) + 30);
    }
}
