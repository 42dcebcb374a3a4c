package jp.renkei.server.notify.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The texts for phones: an SMS short enough for a few segments (it names the ISP, the problem,
 * the portal and the code, nothing to click), and a LINE message with the steps as well.
 */
final class ShortNotices {

    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("M月d日 H時mm分", Locale.JAPANESE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMMM, HH:mm", Locale.ENGLISH);

    private ShortNotices() {
    }

    static ComposedNotice sms(NoticeFacts f) {
        String text = f.japanese()
                ? "【%1$s】お客さまの機器に問題（%2$s）を確認しました。%1$s公式サイト %3$s で確認コード %4$s を入力し対処方法をご確認ください。"
                        .formatted(f.isp(), f.guidance().title(), f.portalUrl(), f.code().display())
                : "%1$s: we found a security problem (%2$s) on a device on your line. Open %3$s yourself and enter code %4$s to see what to do."
                        .formatted(f.isp(), f.guidance().title(), f.portalUrl(), f.code().display());
        return new ComposedNotice(f.language(), subject(f), text);
    }

    static ComposedNotice line(NoticeFacts f) {
        StringBuilder b = new StringBuilder();
        if (f.japanese()) {
            b.append(f.subscriberName()).append(" 様\n").append(f.isp())
                    .append("です。お客さまの回線につながっている機器にセキュリティ上の問題を確認しました。\n\n");
            b.append("■ ").append(f.guidance().title()).append("\n").append(f.guidance().explanation()).append("\n");
            b.append("最後に確認した日時: ").append(JA_TIME.format(f.subscriberCase().lastSeen().atZone(f.zone())))
                    .append("（日本時間）\n");
            f.deviceName().ifPresent(n -> b.append("機器: ").append(n).append("\n"));
            b.append("\n■ お願いしたい対応\n");
            steps(b, f.guidance().steps());
            b.append("\n■ 対応状況の確認\n").append(f.isp()).append("の公式サイトを開き、次のページで確認コードを入力してください。\n")
                    .append("ページ: ").append(f.portalUrl()).append("\n確認コード: ").append(f.code().display())
                    .append("\n\n※ ").append(f.isp()).append("がLINEでパスワードやカード番号をお尋ねすることはありません。");
        } else {
            b.append("Dear ").append(f.subscriberName()).append(",\nThis is ").append(f.isp())
                    .append(". We found a security problem with a device connected to your line.\n\n");
            b.append("== ").append(f.guidance().title()).append("\n").append(f.guidance().explanation()).append("\n");
            b.append("Last seen: ").append(EN_TIME.format(f.subscriberCase().lastSeen().atZone(f.zone())))
                    .append(" (Japan time)\n");
            f.deviceName().ifPresent(n -> b.append("Device: ").append(n).append("\n"));
            b.append("\n== What to do\n");
            steps(b, f.guidance().steps());
            b.append("\n== See the status\nOpen ").append(f.isp())
                    .append("'s official website yourself and type the access code on this page.\nPage: ")
                    .append(f.portalUrl()).append("\nAccess code: ").append(f.code().display()).append("\n\n* ")
                    .append(f.isp()).append(" will never ask for your password or card number on LINE.");
        }
        return new ComposedNotice(f.language(), subject(f), b.toString());
    }

    /**
     * How many SMS segments the text takes: GSM-7 texts 160 characters alone or 153 per part,
     * anything else (Japanese) is UCS-2 with 70 alone or 67 per part.
     */
    static int segments(String text) {
        boolean gsm = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n');
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int length = text.length();
        return length <= single ? 1 : (length + part - 1) / part;
    }

    private static String subject(NoticeFacts f) {
        return (f.japanese() ? "【重要】%sより: %s" : "Important from %s: %s").formatted(f.isp(), f.guidance().title());
    }

    static void steps(StringBuilder b, List<String> steps) {
        for (int i = 0; i < steps.size(); i++) {
            b.append(i + 1).append(". ").append(steps.get(i)).append("\n");
        }
    }
}
