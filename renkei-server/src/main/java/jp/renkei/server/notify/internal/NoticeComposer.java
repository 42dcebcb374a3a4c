package jp.renkei.server.notify.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.remediation.DeviceDescription;
import jp.renkei.server.remediation.RemediationSteps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the first notice in plain words: what was seen and when (in Japan time), the concrete
 * steps, and the access code to type on the ISP's portal. No links: the subscriber opens the
 * portal themselves, and the mail says the ISP never asks for passwords by mail.
 */
@Component
class NoticeComposer {

    /** The fixed words of a notice in one language; the structure is the same in every language. */
    private record Wording(Language language, DateTimeFormatter time, String opening, String found, String firstSeen,
            String lastSeen, String address, String device, String todo, String closing, String subject) {}

    private static final Wording JAPANESE = new Wording(Language.JA,
            DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分", Locale.JAPANESE),
            """
            %1$s 様

            %2$sです。いつもご利用いただきありがとうございます。
            お客さまの回線につながっている機器について、セキュリティ上の問題を確認しましたので、お知らせします。

            """,
            "■ 確認した内容\n",
            "・最初に確認した日時: %s（日本時間）\n",
            "・最後に確認した日時: %s（日本時間）\n",
            "・その時点のお客さまの回線のアドレス: %s\n",
            "・機器: %s\n",
            "\n■ お願いしたい対応\n",
            """

            ■ 対応状況の確認と「対応しました」のご連絡
            このメールにはリンクを記載していません。ブックマークや検索から %1$s の公式サイトを開き、次のページで確認コードを入力してください。
              ページ: %2$s
              確認コード: %3$s
            対応が終わりましたら、そのページの「対応しました」ボタンでお知らせください。

            ※ %1$s がメールでパスワードやカード番号をお尋ねすることはありません。
            ※ このメールに心当たりがない場合やご不明な点は、ご契約時の書類に記載のお問い合わせ窓口へご連絡ください。

            %1$s
            """,
            "【重要】%sより: %s");

    private static final Wording ENGLISH = new Wording(Language.EN,
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH),
            """
            Dear %1$s,

            This is %2$s. We found a security problem with a device connected to your line.

            """,
            "== What we found\n",
            "- First seen: %s (Japan time)\n",
            "- Last seen: %s (Japan time)\n",
            "- Your line's address at that time: %s\n",
            "- Device: %s\n",
            "\n== What to do\n",
            """

            == See the status and tell us you fixed it
            This e-mail contains no links. Open %1$s's official website yourself (from a bookmark or a search), go to the page below and type the access code.
              Page: %2$s
              Access code: %3$s
            When you are done, press "I have fixed it" on that page.

            * %1$s will never ask for your password or card number by e-mail.
            * If this e-mail seems unexpected, contact the support desk listed in your contract documents.

            %1$s
            """,
            "Important from %s: %s");

    private final String portalUrl;
    private final ZoneId zone;
    private final RemediationSteps remediation;

    NoticeComposer(@Value("${renkei.portal.url}") String portalUrl,
            @Value("${renkei.display-zone:Asia/Tokyo}") String zone, RemediationSteps remediation) {
        this.portalUrl = portalUrl;
        this.zone = ZoneId.of(zone);
        this.remediation = remediation;
    }

    /**
     * What a notice for the case says on any channel: the ISP's steps for this device (from the
     * remediation module) in the subscriber's language, and the access code.
     */
    NoticeFacts facts(long organisationId, Language language, String isp, String subscriberName, SubscriberCase c,
            Optional<CaseDevice> device, AccessCode code) {
        DeviceDescription description = device
                .map(d -> new DeviceDescription(d.vendor(), d.model(), d.firmware()))
                .orElse(DeviceDescription.unknown());
        Guidance guidance = remediation.guidance(organisationId, c.kind(), device.flatMap(CaseDevice::malwareFamily),
                description, language);
        return new NoticeFacts(language, isp, subscriberName, c, device, code, guidance, portalUrl, zone);
    }

    /** The e-mail for one subscriber and case. */
    ComposedNotice email(NoticeFacts f) {
        return compose(f.japanese() ? JAPANESE : ENGLISH, f.isp(), f.subscriberName(), f.subscriberCase(), f.device(),
                f.code(), f.guidance());
    }

    private ComposedNotice compose(Wording w, String isp, String name, SubscriberCase c, Optional<CaseDevice> device,
            AccessCode code, Guidance g) {
        StringBuilder b = new StringBuilder();
        b.append(w.opening().formatted(name, isp));
        b.append(w.found()).append(g.title()).append("\n").append(g.explanation()).append("\n\n");
        b.append(w.firstSeen().formatted(w.time().format(c.firstSeen().atZone(zone))));
        b.append(w.lastSeen().formatted(w.time().format(c.lastSeen().atZone(zone))));
        device.ifPresent(d -> {
            b.append(w.address().formatted(d.ip()));
            deviceName(d).ifPresent(n -> b.append(w.device().formatted(n)));
        });
        b.append(w.todo());
        steps(b, g.steps());
        b.append(w.closing().formatted(isp, portalUrl, code.display()));
        return new ComposedNotice(w.language(), w.subject().formatted(isp, g.title()), b.toString());
    }

    private static void steps(StringBuilder b, List<String> steps) {
        for (int i = 0; i < steps.size(); i++) {
            b.append(i + 1).append(". ").append(steps.get(i)).append("\n");
        }
    }

    private static Optional<String> deviceName(CaseDevice d) {
        String name = (d.vendor().orElse("") + " " + d.model().orElse("")).strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
