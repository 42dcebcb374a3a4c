package jp.renkei.core.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;

/** Test data: the standard ladder and a case on it with every contact and consent to quarantine. */
final class Cases {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), JST);
    /** E-mail day 0, SMS day 3, walled garden day 7, letter day 14. */
    static final Ladder STANDARD = new Ladder("standard", 2, List.of(
            LadderStep.day(0, Channel.EMAIL),
            LadderStep.day(3, Channel.SMS),
            LadderStep.day(7, Channel.WALLED_GARDEN),
            LadderStep.day(14, Channel.LETTER)), NIGHT);
    static final Contacts EVERYTHING = Contacts.none().withEmail("taro@example.jp").withPhone("09012345678")
            .withLineUserId("U4af4980629").withPostalAddress("東京都千代田区1-1");
    static final Consent QUARANTINE_CONSENT = new Consent(ConsentLevel.QUARANTINE_ALLOWED, "2026-04",
            Instant.parse("2026-10-01T00:00:00Z"));

    private Cases() {
    }

    /** This local time in Tokyo on a day of November 2026. */
    static Instant jst(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 11, day, hour, minute).atZone(JST).toInstant();
    }

    static CaseFacts onLadder(Ladder ladder, Instant start) {
        return new CaseFacts("case-1", ladder, start, CaseProgress.OPEN, Set.of(), EVERYTHING,
                ChannelPreferences.none(), Optional.of(QUARANTINE_CONSENT), Optional.empty());
    }

    static CaseFacts standard(Instant start) {
        return onLadder(STANDARD, start);
    }

    /**
     * Runs the caller's loop the way the server's scheduler would: asks, records each send or
     * skip as handled, and asks again at the instant a wait names, until the ladder stops or
     * {@code until} passes.
     */
    static List<EscalationDecision> run(CaseFacts facts, Instant from, Instant until) {
        List<EscalationDecision> done = new ArrayList<>();
        Instant now = from;
        CaseFacts current = facts;
        while (!now.isAfter(until)) {
            EscalationDecision d = EscalationPolicy.next(current, now);
            // Java 17: no pattern switch yet.
            if (d instanceof EscalationDecision.Send s) {
                done.add(s);
                current = current.withHandled(s.step());
            } else if (d instanceof EscalationDecision.Skip s) {
                done.add(s);
                current = current.withHandled(s.step());
            } else if (d instanceof EscalationDecision.Wait w) {
                now = w.until();
            } else {
                done.add(d);
                return done;
            }
        }
        return done;
    }
}
