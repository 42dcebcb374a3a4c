package jp.renkei.core.escalation;

import static jp.renkei.core.escalation.Cases.NIGHT;
import static jp.renkei.core.escalation.Cases.STANDARD;
import static jp.renkei.core.escalation.Cases.jst;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import jp.renkei.core.escalation.EscalationDecision.Send;
import jp.renkei.core.escalation.EscalationDecision.Wait;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    @Test
    void nineInTheEveningIsQuietAndEightInTheMorningIsNot() {
        assertThat(NIGHT.contains(jst(2, 20, 59).plusSeconds(59))).isFalse();
        assertThat(NIGHT.contains(jst(2, 21, 0))).isTrue();
        assertThat(NIGHT.contains(jst(2, 23, 59).plusSeconds(59))).isTrue();
        assertThat(NIGHT.contains(jst(3, 0, 0))).as("JST midnight").isTrue();
        assertThat(NIGHT.contains(jst(3, 7, 59).plusSeconds(59))).isTrue();
        assertThat(NIGHT.contains(jst(3, 8, 0))).isFalse();
    }

    @Test
    void aQuietInstantIsReleasedAtTheNextEightOClockInTokyo() {
        assertThat(NIGHT.release(jst(2, 21, 0))).isEqualTo(jst(3, 8, 0));
        assertThat(NIGHT.release(jst(3, 0, 0))).isEqualTo(jst(3, 8, 0));
        assertThat(NIGHT.release(jst(3, 8, 0))).isEqualTo(jst(3, 8, 0));
        assertThat(NIGHT.release(jst(3, 14, 0))).isEqualTo(jst(3, 14, 0));
        // 08:00 JST is 23:00 UTC the day before: the zone, not UTC, decides.
        assertThat(NIGHT.release(jst(3, 0, 0)).toString()).isEqualTo("2026-11-02T23:00:00Z");
    }

    @Test
    void quietHoursThatDoNotSpanMidnightWorkToo() {
        QuietHours early = new QuietHours(LocalTime.of(0, 0), LocalTime.of(6, 0), Cases.JST);

        assertThat(early.contains(jst(3, 0, 0))).isTrue();
        assertThat(early.contains(jst(2, 23, 0))).isFalse();
        assertThat(early.release(jst(3, 5, 0))).isEqualTo(jst(3, 6, 0));
        assertThat(QuietHours.none().contains(jst(3, 3, 0))).isFalse();
    }

    @Test
    void aMessageDueAtNightGoesOutAtEightAndNotBefore() {
        CaseFacts openedLate = Cases.standard(jst(2, 22, 30));

        assertThat(EscalationPolicy.next(openedLate, jst(2, 22, 30))).isEqualTo(new Wait(jst(3, 8, 0)));
        assertThat(EscalationPolicy.next(openedLate, jst(3, 7, 59))).isEqualTo(new Wait(jst(3, 8, 0)));
        assertThat(EscalationPolicy.next(openedLate, jst(3, 8, 0)))
                .isEqualTo(new Send(STANDARD.ref(0), Channel.EMAIL, jst(3, 8, 0)));
    }

    @Test
    void anOverdueMessageIsStillHeldWhileQuietHoursLast() {
        CaseFacts facts = Cases.standard(jst(2, 15, 0));

        assertThat(EscalationPolicy.next(facts, jst(2, 23, 0))).isEqualTo(new Wait(jst(3, 8, 0)));
    }

    @Test
    void theWalledGardenAndLettersDoNotWaitForMorning() {
        Ladder night = new Ladder("night", 1, List.of(
                LadderStep.day(0, Channel.WALLED_GARDEN), LadderStep.day(0, Channel.LETTER),
                LadderStep.day(0, Channel.CALL_LIST)), NIGHT);

        List<EscalationDecision> done = Cases.run(Cases.onLadder(night, jst(2, 23, 0)), jst(2, 23, 0), jst(3, 12, 0));

        assertThat(done).startsWith(
                new Send(night.ref(0), Channel.WALLED_GARDEN, jst(2, 23, 0)),
                new Send(night.ref(1), Channel.LETTER, jst(2, 23, 0)),
                new Send(night.ref(2), Channel.CALL_LIST, jst(3, 8, 0)));
    }
}
