package jp.renkei.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.core.Language;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Notices that go through people: letters printed in a batch (a PDF with real Japanese text,
 * one A4 page per letter) and the support staff's call list. Both mark the case notified with
 * their channel, and another ISP sees neither.
 */
@RenkeiTest
class LettersAndCallListFlowTest {

    private static final Pattern CODE = Pattern.compile("確認コード: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2})");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void pendingLettersBecomeOneBatchPdfWithTheJapaneseLetterOnePagePerLetter() throws Exception {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("""
                LT-1,山田 太郎,taro@example.jp,,ja,,"〒100-0001
                東京都千代田区千代田1-1 連携マンション101号室"
                LT-2,伊藤 美咲,misaki@example.jp,,ja,,〒530-0001 大阪府大阪市北区梅田1-1-1
                LT-3,Ken Ito,ken@example.jp,,en,,"1-2-3 Shibuya, Tokyo"
                """);
        long taro = isp.openCase("LT-1", "203.0.113.20");
        long misaki = isp.openCase("LT-2", "203.0.113.21");
        long ken = isp.openCase("LT-3", "203.0.113.22");
        Browser staff = signedIn(isp.admin);

        assertThat(isp.queue(taro, Channel.LETTER)).isEqualTo(
                new NoticeRequestOutcome.Unreachable("letter is not configured for this ISP"));
        staff.post("/notify/channels", Map.of("smsUrl", "", "smsMethod", "POST", "smsHeaders", "",
                "smsContentType", "application/json", "smsBodyTemplate", "", "lineBaseUrl", "", "lineAccessToken", "",
                "letterSender", "〒150-0001 東京都渋谷区神宮前1-1\n連携ネット株式会社 セキュリティ窓口"));
        assertThat(context.getBean(NoticeRequests.class).queue(isp.org(), taro, Channel.LETTER, "test@2#0"))
                .isInstanceOf(NoticeRequestOutcome.Queued.class);
        assertThat(isp.queue(misaki, Channel.LETTER)).isInstanceOf(NoticeRequestOutcome.Queued.class);
        assertThat(isp.queue(ken, Channel.LETTER)).isInstanceOf(NoticeRequestOutcome.Queued.class);
        assertThat(staff.get("/notify/letters").body()).contains("次のバッチを待つ通知: 3 通");

        Browser.Page created = staff.post("/notify/letters/batches", Map.of());
        assertThat(created.status()).isEqualTo(302);
        String page = staff.get("/notify/letters").body();
        Matcher link = Pattern.compile("/notify/letters/batches/(\\d+)\\.pdf").matcher(page);
        assertThat(link.find()).as(page).isTrue();
        assertThat(page).contains("次のバッチを待つ通知: 0 通");

        Browser.Download pdf = staff.download(link.group());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            String flat = first.replaceAll("\\s", "");
            assertThat(flat).contains("山田太郎様", "東京都千代田区千代田1-1", "連携ネット株式会社セキュリティ窓口",
                    "お使いの機器のセキュリティに関する重要なお知らせ", "拝啓", "敬具", "（日本時間）");
            RemediationGuide.forProblem(ProblemKind.EXPOSED_TELNET, Language.JA).steps()
                    .forEach(step -> assertThat(flat).contains(step.replaceAll("\\s", "")));
            Matcher code = CODE.matcher(first);
            assertThat(code.find()).as(first).isTrue();
            // The printed code is a real one: it opens this case on the portal.
            Browser subscriber = new Browser(port);
            subscriber.get("/portal");
            assertThat(subscriber.post("/portal", Map.of("code", code.group(1))).location()).endsWith("/portal/case");

            stripper.setStartPage(3);
            stripper.setEndPage(3);
            assertThat(stripper.getText(document)).contains("Ken Ito", "1-2-3 Shibuya, Tokyo", "Access code");
        }
        assertThat(isp.notice(misaki, Channel.LETTER).state()).isEqualTo("sent");
        assertThat(isp.notifiedChannels(taro)).containsExactly("letter");
        assertThat(isp.notifiedChannels(ken)).containsExactly("letter");

        // Nothing left: a second press prints nothing.
        staff.post("/notify/letters/batches", Map.of());
        assertThat(Pattern.compile("/notify/letters/batches/\\d+\\.pdf").matcher(staff.get("/notify/letters").body())
                .results().count()).isEqualTo(1);

        ChannelFixture other = new ChannelFixture(context, port);
        Browser stranger = signedIn(other.admin);
        assertThat(stranger.download(link.group()).status()).isEqualTo(404);
        assertThat(stranger.get("/notify/letters").body()).doesNotContain(link.group());
    }

    @Test
    void operatorsCallFromTheListAndReachedMarksTheCaseNotifiedByPhone() {
        ChannelFixture isp = new ChannelFixture(context, port);
        isp.subscribers("CL-1,中村 健,ken.n@example.jp,03-1234-5678,ja,,\n");
        long caseId = isp.openCase("CL-1", "203.0.113.30");
        long noticeId = ((NoticeRequestOutcome.Queued) isp.queue(caseId, Channel.CALL_LIST)).noticeId();
        Tenants.Member operator = new Tenants(context.getBean(jp.renkei.server.platform.Accounts.class))
                .member(isp.org(), Role.OPERATOR);
        Browser staff = signedIn(operator);

        String list = staff.get("/notify/call-list").body();
        assertThat(list).contains("id=\"call-" + noticeId + "\"", "03-1234-5678", "中村 健 様",
                RemediationGuide.forProblem(ProblemKind.EXPOSED_TELNET, Language.JA).title());

        ChannelFixture other = new ChannelFixture(context, port);
        Browser stranger = signedIn(other.admin);
        stranger.get("/notify/call-list");
        assertThat(stranger.post("/notify/call-list/" + noticeId, Map.of("outcome", "reached")).status()).isEqualTo(404);
        assertThat(stranger.get("/notify/call-list").body()).doesNotContain("03-1234-5678");

        assertThat(staff.post("/notify/call-list/" + noticeId, Map.of("outcome", "no-answer", "note", "留守電")).status())
                .isEqualTo(302);
        assertThat(isp.notice(caseId, Channel.CALL_LIST).state()).isEqualTo("pending");
        assertThat(staff.get("/notify/call-list").body()).contains("id=\"call-" + noticeId + "\"", "留守電");

        assertThat(staff.post("/notify/call-list/" + noticeId, Map.of("outcome", "reached")).status()).isEqualTo(302);
        assertThat(isp.notice(caseId, Channel.CALL_LIST).state()).isEqualTo("sent");
        assertThat(staff.get("/notify/call-list").body()).doesNotContain("id=\"call-" + noticeId + "\"");
        assertThat(isp.notifiedChannels(caseId)).containsExactly("call-list");
        // Done is done: a second outcome for the same entry finds nothing to record.
        staff.get("/notify/call-list");
        assertThat(staff.post("/notify/call-list/" + noticeId, Map.of("outcome", "wrong-number")).status()).isEqualTo(404);
    }

    private Browser signedIn(Tenants.Member member) {
        Browser browser = new Browser(port);
        browser.signIn(member.username(), member.password());
        browser.get("/settings/tokens");
        return browser;
    }
}
