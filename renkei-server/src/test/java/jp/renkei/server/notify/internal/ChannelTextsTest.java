package jp.renkei.server.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.SubscriberCase;
import org.junit.jupiter.api.Test;

/** The words of each channel: short where the channel is short, complete where it is paper, never a lone link. */
class ChannelTextsTest {

    private static final String PORTAL = "https://portal.example-isp.jp/renkei";
    private final AccessCode code = AccessCode.generate(new SecureRandom());

    @Test
    void aJapaneseSmsNamesTheIspTheCodeAndThePortalInAtMostThreeSegments() {
        ComposedNotice sms = ShortNotices.sms(facts(Language.JA, "東日本インターネットサービス株式会社", ProblemKind.INFECTED));

        assertThat(sms.body()).contains("東日本インターネットサービス株式会社", code.display(), PORTAL);
        assertThat(ShortNotices.segments(sms.body())).isLessThanOrEqualTo(3);
    }

    @Test
    void anEnglishSmsFitsTwoGsmSegments() {
        ComposedNotice sms = ShortNotices.sms(facts(Language.EN, "Example Net", ProblemKind.EXPOSED_TELNET));

        assertThat(sms.body()).contains("Example Net", code.display(), PORTAL);
        assertThat(ShortNotices.segments(sms.body())).isLessThanOrEqualTo(2);
    }

    @Test
    void segmentsCountUcs2AndGsmTheWayCarriersDo() {
        assertThat(ShortNotices.segments("あ".repeat(70))).isEqualTo(1);
        assertThat(ShortNotices.segments("あ".repeat(71))).isEqualTo(2);
        assertThat(ShortNotices.segments("a".repeat(160))).isEqualTo(1);
        assertThat(ShortNotices.segments("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void aLetterIsAddressedDatedInJapanAndCarriesTheStepsAndTheCode() {
        ComposedNotice letter = LetterComposer.letter(facts(Language.JA, "連携ネット", ProblemKind.EXPOSED_TELNET),
                "〒100-0001 東京都千代田区千代田1-1", "連携ネット株式会社 セキュリティ窓口", LocalDate.of(2026, 12, 4));

        assertThat(letter.body()).startsWith("〒100-0001 東京都千代田区千代田1-1\n佐藤 花子 様")
                .contains("2026年12月4日", "連携ネット株式会社 セキュリティ窓口", "拝啓", "敬具", code.display(), PORTAL,
                        "2026年12月4日 9時00分（日本時間）");
        RemediationGuide.forProblem(ProblemKind.EXPOSED_TELNET, Language.JA).steps()
                .forEach(step -> assertThat(letter.body()).contains(step));
    }

    @Test
    void aCallListEntryGivesStaffTheNumberTheProblemAndTheStepsToTalkThrough() {
        ComposedNotice entry = CallListComposer.entry(facts(Language.JA, "連携ネット", ProblemKind.EXPOSED_TELNET),
                "03-1234-5678");

        assertThat(entry.body()).startsWith("電話番号: 03-1234-5678").contains("佐藤 花子 様", "1. ", code.display());
        assertThat(entry.subject()).contains("佐藤 花子",
                RemediationGuide.forProblem(ProblemKind.EXPOSED_TELNET, Language.JA).title());
    }

    @Test
    void e164TurnsJapaneseNumbersInternational() {
        assertThat(SmsGateway.e164("090-1234-5678")).isEqualTo("+819012345678");
        assertThat(SmsGateway.e164("+81 90 1234 5678")).isEqualTo("+819012345678");
    }

    private NoticeFacts facts(Language language, String isp, ProblemKind kind) {
        Instant seen = Instant.parse("2026-12-04T00:00:00Z");
        SubscriberCase c = new SubscriberCase(7, "S-1", kind, CaseState.OPEN, seen, seen, 1, Optional.empty(), seen,
                Optional.empty(), kind.defaultSeverity(), false);
        CaseDevice device = new CaseDevice("203.0.113.5", Optional.of(23), Optional.of("ExampleCam"),
                Optional.of("EC-200"), Optional.empty(), seen, Optional.empty());
        String name = language == Language.JA ? "佐藤 花子" : "Alex Smith";
        return new NoticeFacts(language, isp, name, c, Optional.of(device), code,
                RemediationGuide.forProblem(kind, language), PORTAL, ZoneId.of("Asia/Tokyo"));
    }
}
