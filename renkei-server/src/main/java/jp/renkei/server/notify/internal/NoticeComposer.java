package jp.renkei.server.notify.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.Language;
import jp.renkei.core.portal.AccessCode;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseDevice;
import jp.renkei.server.cases.SubscriberCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the first notice in plain words: what was seen and when (in Japan time), the concrete
 * steps, and the access code to type on the ISP's portal. No links: the subscriber opens the
 * portal themselves, and the mail says the ISP never asks for passwords by mail.
 */
@Component
class NoticeComposer {

    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分", Locale.JAPANESE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final String portalUrl;
    private final ZoneId zone;

    NoticeComposer(@Value("${renkei.portal.url}") String portalUrl,
            @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.portalUrl = portalUrl;
        this.zone = ZoneId.of(zone);
    }

    /** The whole notice for one subscriber and case. */
    ComposedNotice firstNotice(Language language, String isp, String subscriberName, SubscriberCase c,
            Optional<CaseDevice> device, AccessCode code) {
        Guidance guidance = RemediationGuide.forProblem(c.kind(), language, device.flatMap(CaseDevice::malwareFamily));
        return language == Language.EN
                ? english(isp, subscriberName, c, device, code, guidance)
                : japanese(isp, subscriberName, c, device, code, guidance);
    }

    private ComposedNotice japanese(String isp, String name, SubscriberCase c, Optional<CaseDevice> device,
            AccessCode code, Guidance g) {
        StringBuilder b = new StringBuilder();
        b.append(name).append(" 様\n\n");
        b.append(isp).append("です。いつもご利用いただきありがとうございます。\n");
        b.append("お客さまの回線につながっている機器について、セキュリティ上の問題を確認しましたので、お知らせします。\n\n");
        b.append("■ 確認した内容\n").append(g.title()).append("\n").append(g.explanation()).append("\n\n");
        b.append("・最初に確認した日時: ").append(ja(c.firstSeen())).append("（日本時間）\n");
        b.append("・最後に確認した日時: ").append(ja(c.lastSeen())).append("（日本時間）\n");
        device.ifPresent(d -> {
            b.append("・その時点のお客さまの回線のアドレス: ").append(d.ip()).append("\n");
            deviceName(d).ifPresent(n -> b.append("・機器: ").append(n).append("\n"));
        });
        b.append("\n■ お願いしたい対応\n");
        steps(b, g.steps());
        b.append("\n■ 対応状況の確認と「対応しました」のご連絡\n");
        b.append("このメールにはリンクを記載していません。ブックマークや検索から ").append(isp)
                .append(" の公式サイトを開き、次のページで確認コードを入力してください。\n");
        b.append("  ページ: ").append(portalUrl).append("\n");
        b.append("  確認コード: ").append(code.display()).append("\n");
        b.append("対応が終わりましたら、そのページの「対応しました」ボタンでお知らせください。\n\n");
        b.append("※ ").append(isp).append(" がメールでパスワードやカード番号をお尋ねすることはありません。\n");
        b.append("※ このメールに心当たりがない場合やご不明な点は、ご契約時の書類に記載のお問い合わせ窓口へご連絡ください。\n\n");
        b.append(isp).append("\n");
        return new ComposedNotice(Language.JA, "【重要】" + isp + "より: " + g.title(), b.toString());
    }

    private ComposedNotice english(String isp, String name, SubscriberCase c, Optional<CaseDevice> device,
            AccessCode code, Guidance g) {
        StringBuilder b = new StringBuilder();
        b.append("Dear ").append(name).append(",\n\n");
        b.append("This is ").append(isp).append(". We found a security problem with a device connected to your line.\n\n");
        b.append("== What we found\n").append(g.title()).append("\n").append(g.explanation()).append("\n\n");
        b.append("- First seen: ").append(en(c.firstSeen())).append(" (Japan time)\n");
        b.append("- Last seen: ").append(en(c.lastSeen())).append(" (Japan time)\n");
        device.ifPresent(d -> {
            b.append("- Your line's address at that time: ").append(d.ip()).append("\n");
            deviceName(d).ifPresent(n -> b.append("- Device: ").append(n).append("\n"));
        });
        b.append("\n== What to do\n");
        steps(b, g.steps());
        b.append("\n== See the status and tell us you fixed it\n");
        b.append("This e-mail contains no links. Open ").append(isp)
                .append("'s official website yourself (from a bookmark or a search), go to the page below and type the access code.\n");
        b.append("  Page: ").append(portalUrl).append("\n");
        b.append("  Access code: ").append(code.display()).append("\n");
        b.append("When you are done, press \"I have fixed it\" on that page.\n\n");
        b.append("* ").append(isp).append(" will never ask for your password or card number by e-mail.\n");
        b.append("* If this e-mail seems unexpected, contact the support desk listed in your contract documents.\n\n");
        b.append(isp).append("\n");
        return new ComposedNotice(Language.EN, "Important from " + isp + ": " + g.title(), b.toString());
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

    private String ja(Instant at) {
        return JA_TIME.format(at.atZone(zone));
    }

    private String en(Instant at) {
        return EN_TIME.format(at.atZone(zone));
    }
}
