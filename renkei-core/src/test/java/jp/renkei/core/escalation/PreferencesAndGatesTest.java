package jp.renkei.core.escalation;

import static jp.renkei.core.escalation.Cases.EVERYTHING;
import static jp.renkei.core.escalation.Cases.NIGHT;
import static jp.renkei.core.escalation.Cases.STANDARD;
import static jp.renkei.core.escalation.Cases.jst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.renkei.core.escalation.ChannelPreferences.Mode;
import jp.renkei.core.escalation.EscalationDecision.Send;
import jp.renkei.core.escalation.EscalationDecision.Skip;
import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.quarantine.IspPolicy;
import jp.renkei.core.quarantine.Measure;
import org.junit.jupiter.api.Test;

class PreferencesAndGatesTest {

    static final Instant MORNING = jst(2, 10, 0);
    /** Reminds by e-mail once more after the SMS. */
    static final Ladder REMINDING = new Ladder("reminding", 1, List.of(
            LadderStep.day(0, Channel.EMAIL), LadderStep.day(3, Channel.SMS), LadderStep.day(5, Channel.EMAIL),
            LadderStep.day(14, Channel.LETTER)), NIGHT);

    static List<Channel> channels(CaseFacts facts) {
        return Cases.run(facts, MORNING, jst(30, 12, 0)).stream()
                .map(d -> d instanceof Send s ? s.channel() : d instanceof Skip k ? k.channel() : null)
                .filter(c -> c != null).toList();
    }

    static CaseFacts prefer(Ladder ladder, Contacts contacts, Mode mode, Channel... preferred) {
        CaseFacts f = Cases.onLadder(ladder, MORNING);
        return new CaseFacts(f.caseId(), ladder, MORNING, CaseProgress.OPEN, Set.of(), contacts,
                new ChannelPreferences(List.of(preferred), mode), f.consent(), f.policy());
    }

    @Test
    void preferredChannelsComeBeforeTheLaddersOwnWhenReordering() {
        assertThat(channels(prefer(REMINDING, EVERYTHING, Mode.REORDER, Channel.LINE)))
                .containsExactly(Channel.LINE, Channel.EMAIL, Channel.LINE, Channel.LETTER);
        assertThat(channels(prefer(REMINDING, EVERYTHING, Mode.REORDER, Channel.SMS)))
                .containsExactly(Channel.SMS, Channel.EMAIL, Channel.SMS, Channel.LETTER);
    }

    @Test
    void preferredChannelsStandInForEveryMessageWhenReplacing() {
        assertThat(channels(prefer(REMINDING, EVERYTHING, Mode.REPLACE, Channel.LINE)))
                .containsExactly(Channel.LINE, Channel.LINE, Channel.LINE, Channel.LETTER);
        assertThat(channels(prefer(REMINDING, EVERYTHING, Mode.REPLACE, Channel.LINE, Channel.SMS)))
                .containsExactly(Channel.LINE, Channel.SMS, Channel.LINE, Channel.LETTER);
    }

    @Test
    void aPreferredChannelWithoutAnAddressIsLeftOut() {
        Contacts noLine = Contacts.none().withEmail("taro@example.jp").withPhone("09012345678")
                .withPostalAddress("東京都千代田区1-1");

        assertThat(channels(prefer(REMINDING, noLine, Mode.REPLACE, Channel.LINE)))
                .containsExactly(Channel.EMAIL, Channel.SMS, Channel.EMAIL, Channel.LETTER);
    }

    @Test
    void aStepWithoutAnAddressIsSkippedWithItsReasonAndTheLadderGoesOn() {
        CaseFacts noPhone = prefer(STANDARD, Contacts.none().withEmail("taro@example.jp").withPhone("  ")
                .withPostalAddress("東京都千代田区1-1"), Mode.REORDER);

        List<EscalationDecision> done = Cases.run(noPhone, MORNING, jst(30, 12, 0));

        assertThat(done).hasSize(5);
        Skip sms = (Skip) done.get(1);
        assertThat(sms.step()).isEqualTo(STANDARD.ref(1));
        assertThat(sms.reason()).isEqualTo(SkipReason.NO_CONTACT);
        assertThat(sms.explanation()).contains("no sms address");
        assertThat(done.get(2)).isEqualTo(new Send(STANDARD.ref(2), Channel.WALLED_GARDEN, jst(9, 10, 0)));
        assertThat(done.get(3)).isEqualTo(new Send(STANDARD.ref(3), Channel.LETTER, jst(16, 10, 0)));
    }

    static CaseFacts withGrounds(Optional<Consent> consent, Optional<IspPolicy> policy) {
        CaseFacts f = Cases.standard(MORNING).withHandled(STANDARD.ref(0)).withHandled(STANDARD.ref(1));
        return new CaseFacts(f.caseId(), f.ladder(), f.startedAt(), f.progress(), f.handled(), f.contacts(),
                f.preferences(), consent, policy);
    }

    @Test
    void theWalledGardenIsSkippedWithoutConsentOrPolicyAndSaysWhy() {
        Consent notifyOnly = new Consent(ConsentLevel.NOTIFY_ONLY, "2026-04", jst(1, 9, 0));

        EscalationDecision d = EscalationPolicy.next(withGrounds(Optional.of(notifyOnly), Optional.empty()), jst(9, 10, 0));

        assertThat(d).isInstanceOf(Skip.class);
        Skip skip = (Skip) d;
        assertThat(skip.reason()).isEqualTo(SkipReason.NO_QUARANTINE_GROUNDS);
        assertThat(skip.explanation()).contains("notify-only").contains("terms 2026-04").contains("no ISP policy");
        assertThat(EscalationPolicy.next(withGrounds(Optional.empty(), Optional.empty()), jst(9, 10, 0)))
                .isInstanceOf(Skip.class);
    }

    @Test
    void aRecordedIspPolicyAllowsTheWalledGardenWithoutConsent() {
        IspPolicy botnets = new IspPolicy("C&C 通信の遮断", "正当業務行為（通信の秘密の侵害に当たらない）",
                EnumSet.of(Measure.QUARANTINE));
        IspPolicy blockingOnly = new IspPolicy("scan blocking", "約款 第12条", EnumSet.of(Measure.TRAFFIC_BLOCKING));

        assertThat(EscalationPolicy.next(withGrounds(Optional.empty(), Optional.of(botnets)), jst(9, 10, 0)))
                .isEqualTo(new Send(STANDARD.ref(2), Channel.WALLED_GARDEN, jst(9, 10, 0)));
        assertThat(EscalationPolicy.next(withGrounds(Optional.empty(), Optional.of(blockingOnly)), jst(9, 10, 0)))
                .isInstanceOf(Skip.class);
    }

    @Test
    void onlyMessageChannelsCanBePreferred() {
        assertThatThrownBy(() -> new ChannelPreferences(List.of(Channel.WALLED_GARDEN), Mode.REORDER))
                .hasMessageContaining("walled-garden is not a message channel");
        assertThatThrownBy(() -> new ChannelPreferences(List.of(Channel.LINE, Channel.LINE), Mode.REORDER))
                .hasMessageContaining("twice");
    }

    @Test
    void channelCodesRoundTrip() {
        for (Channel c : Channel.values()) {
            assertThat(Channel.fromCode(c.code())).contains(c);
        }
        assertThat(Channel.fromCode("CALL_LIST")).contains(Channel.CALL_LIST);
        assertThat(Channel.fromCode("fax")).isEmpty();
    }
}
