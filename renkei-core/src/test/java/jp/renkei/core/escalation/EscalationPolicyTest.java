package jp.renkei.core.escalation;

import static jp.renkei.core.escalation.Cases.STANDARD;
import static jp.renkei.core.escalation.Cases.jst;
import static jp.renkei.core.escalation.Cases.run;
import static jp.renkei.core.escalation.Cases.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.renkei.core.escalation.EscalationDecision.Send;
import jp.renkei.core.escalation.EscalationDecision.Stop;
import jp.renkei.core.escalation.EscalationDecision.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscalationPolicyTest {

    static final Instant MORNING = jst(2, 10, 0);

    @Test
    void climbsTheLadderOnScheduleAndStopsWhenItIsDone() {
        List<EscalationDecision> done = run(standard(MORNING), MORNING, MORNING.plus(Duration.ofDays(30)));

        assertThat(done).containsExactly(
                new Send(STANDARD.ref(0), Channel.EMAIL, MORNING),
                new Send(STANDARD.ref(1), Channel.SMS, jst(5, 10, 0)),
                new Send(STANDARD.ref(2), Channel.WALLED_GARDEN, jst(9, 10, 0)),
                new Send(STANDARD.ref(3), Channel.LETTER, jst(16, 10, 0)),
                new Stop(StopReason.LADDER_DONE));
    }

    @Test
    void waitsUntilTheNextStepIsDue() {
        CaseFacts afterEmail = standard(MORNING).withHandled(STANDARD.ref(0));

        assertThat(EscalationPolicy.next(afterEmail, jst(3, 12, 0))).isEqualTo(new Wait(jst(5, 10, 0)));
        assertThat(EscalationPolicy.next(afterEmail, jst(5, 9, 59))).isEqualTo(new Wait(jst(5, 10, 0)));
        assertThat(EscalationPolicy.next(afterEmail, jst(5, 10, 0)))
                .isEqualTo(new Send(STANDARD.ref(1), Channel.SMS, jst(5, 10, 0)));
    }

    @ParameterizedTest
    @EnumSource(value = CaseProgress.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void stopsAsSoonAsTheSubscriberAnswersOrTheCaseEnds(CaseProgress progress) {
        CaseFacts answered = standard(MORNING).withHandled(STANDARD.ref(0)).withProgress(progress);

        assertThat(EscalationPolicy.next(answered, jst(5, 10, 0)))
                .isEqualTo(new Stop(progress.stopReason().orElseThrow()));
    }

    @Test
    void acknowledgingOnDayTwoMeansNoSmsOnDayThree() {
        CaseFacts facts = standard(MORNING);
        List<EscalationDecision> firstTwoDays = run(facts, MORNING, jst(4, 10, 0));
        assertThat(firstTwoDays).containsExactly(new Send(STANDARD.ref(0), Channel.EMAIL, MORNING));

        CaseFacts acknowledged = facts.withHandled(STANDARD.ref(0)).withProgress(CaseProgress.ACKNOWLEDGED);
        assertThat(run(acknowledged, jst(4, 10, 0), jst(30, 0, 0))).containsExactly(new Stop(StopReason.ACKNOWLEDGED));
    }

    @Test
    void askingAgainBeforeRecordingGivesTheSameStepSoARestartNeitherRepeatsNorLosesOne() {
        CaseFacts facts = standard(MORNING).withHandled(STANDARD.ref(0));
        Instant afterOutage = jst(10, 15, 0);

        EscalationDecision first = EscalationPolicy.next(facts, afterOutage);
        EscalationDecision again = EscalationPolicy.next(facts, afterOutage);

        assertThat(first).isEqualTo(again).isEqualTo(new Send(STANDARD.ref(1), Channel.SMS, jst(5, 10, 0)));
        CaseFacts afterSms = facts.withHandled(STANDARD.ref(1));
        assertThat(EscalationPolicy.next(afterSms, afterOutage))
                .isEqualTo(new Send(STANDARD.ref(2), Channel.WALLED_GARDEN, jst(9, 10, 0)));
        assertThat(EscalationPolicy.next(afterSms.withHandled(STANDARD.ref(2)), afterOutage))
                .isEqualTo(new Wait(jst(16, 10, 0)));
    }

    @Test
    void theLowestUnhandledStepGoesFirstEvenWhenALaterOneIsRecorded() {
        CaseFacts gap = standard(MORNING).withHandled(STANDARD.ref(0)).withHandled(STANDARD.ref(2));

        assertThat(EscalationPolicy.next(gap, jst(20, 10, 0)))
                .isEqualTo(new Send(STANDARD.ref(1), Channel.SMS, jst(5, 10, 0)));
    }

    @Test
    void stepsOfAnotherLadderVersionAreRefusedRatherThanResent() {
        Ladder edited = new Ladder("standard", 3, STANDARD.steps(), STANDARD.quietHours());

        assertThatThrownBy(() -> Cases.onLadder(edited, MORNING).withHandled(STANDARD.ref(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard@2#0").hasMessageContaining("version 3");
    }

    @Test
    void stepReferencesSurviveStorageAsText() {
        StepRef ref = STANDARD.ref(3);

        assertThat(ref.code()).isEqualTo("standard@2#3");
        assertThat(StepRef.parse("standard@2#3")).isEqualTo(ref);
        assertThatThrownBy(() -> StepRef.parse("standard#3")).hasMessageContaining("name@version#index");
    }

    @Test
    void aLadderWithStepsOutOfOrderIsRefused() {
        assertThatThrownBy(() -> new Ladder("bad", 1,
                List.of(LadderStep.day(3, Channel.SMS), LadderStep.day(0, Channel.EMAIL)), QuietHours.none()))
                .hasMessageContaining("step 1").hasMessageContaining("before step 0");
        assertThatThrownBy(() -> new Ladder("empty", 1, List.of(), QuietHours.none())).hasMessageContaining("no steps");
    }

    @Test
    void aLadderOwnsOnlyTheStepsOfItsOwnVersion() {
        assertThat(STANDARD.owns(new StepRef("standard", 2, 3))).isTrue();
        assertThat(STANDARD.owns(new StepRef("standard", 2, 4))).as("past the last step").isFalse();
        assertThat(STANDARD.owns(new StepRef("standard", 1, 0))).as("an older version").isFalse();
        assertThat(STANDARD.owns(new StepRef("gentle", 2, 0))).as("another ladder").isFalse();
    }
}
