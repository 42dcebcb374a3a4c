package jp.renkei.server.notify.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A formal postal letter: the addressee block, the date in Japan time, the ISP as sender (its
 * return address from the channel settings), what was found, the steps, and the code with the
 * portal's address. Paper is the channel people trust most, so it repeats the warning that the
 * ISP never asks for passwords.
 */
final class LetterComposer {

    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分", Locale.JAPANESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private LetterComposer() {
    }

    /**
     * The letter's text. Its layout is a convention {@link LetterPdf} relies on: the addressee
     * block, a blank line, the date and sender block (set flush right), a blank line, the rest.
     */
    static ComposedNotice letter(NoticeFacts f, String postalAddress, String sender, LocalDate today) {
        StringBuilder b = new StringBuilder();
        if (f.japanese()) {
            b.append(block(postalAddress)).append("\n").append(f.subscriberName()).append(" 様\n\n");
            b.append(JA_DATE.format(today)).append("\n").append(block(sender)).append("\n\n");
            b.append("お使いの機器のセキュリティに関する重要なお知らせ\n\n");
            b.append("拝啓　平素は").append(f.isp()).append("をご利用いただき、誠にありがとうございます。\n");
            b.append("お客さまの回線につながっている機器について、セキュリティ上の問題を確認いたしましたので、ご案内申し上げます。\n\n");
            b.append("■ 確認した内容\n").append(f.guidance().title()).append("\n").append(f.guidance().explanation()).append("\n");
            b.append("・最初に確認した日時: ").append(JA_TIME.format(f.subscriberCase().firstSeen().atZone(f.zone())))
                    .append("（日本時間）\n");
            b.append("・最後に確認した日時: ").append(JA_TIME.format(f.subscriberCase().lastSeen().atZone(f.zone())))
                    .append("（日本時間）\n");
            f.deviceName().ifPresent(n -> b.append("・機器: ").append(n).append("\n"));
            b.append("\n■ お願いしたい対応\n");
            ShortNotices.steps(b, f.guidance().steps());
            b.append("\n■ 対応状況の確認と「対応しました」のご連絡\n");
            b.append("ご自身で").append(f.isp()).append("の公式サイトを開き、次のページで確認コードを入力してください。\n");
            b.append("  ページ: ").append(f.portalUrl()).append("\n  確認コード: ").append(f.code().display()).append("\n");
            b.append("対応が終わりましたら、そのページの「対応しました」ボタンでお知らせください。\n");
            b.append("※ ").append(f.isp()).append("がお電話やメールでパスワードやカード番号をお尋ねすることはありません。\n\n");
            b.append("敬具\n");
        } else {
            b.append(f.subscriberName()).append("\n").append(block(postalAddress)).append("\n\n");
            b.append(EN_DATE.format(today)).append("\n").append(block(sender)).append("\n\n");
            b.append("Important notice about the security of your device\n\n");
            b.append("Dear ").append(f.subscriberName()).append(",\n\n");
            b.append("Thank you for choosing ").append(f.isp())
                    .append(". We found a security problem with a device connected to your line.\n\n");
            b.append("== What we found\n").append(f.guidance().title()).append("\n").append(f.guidance().explanation()).append("\n");
            b.append("- First seen: ").append(EN_TIME.format(f.subscriberCase().firstSeen().atZone(f.zone())))
                    .append(" (Japan time)\n");
            b.append("- Last seen: ").append(EN_TIME.format(f.subscriberCase().lastSeen().atZone(f.zone())))
                    .append(" (Japan time)\n");
            f.deviceName().ifPresent(n -> b.append("- Device: ").append(n).append("\n"));
            b.append("\n== What to do\n");
            ShortNotices.steps(b, f.guidance().steps());
            b.append("\n== See the status and tell us you fixed it\n");
            b.append("Open ").append(f.isp()).append("'s official website yourself and type the access code on this page.\n");
            b.append("  Page: ").append(f.portalUrl()).append("\n  Access code: ").append(f.code().display()).append("\n");
            b.append("When you are done, press \"I have fixed it\" on that page.\n");
            b.append("* ").append(f.isp()).append(" will never ask for your password or card number by phone or e-mail.\n\n");
            b.append("Yours sincerely,\n").append(f.isp()).append("\n");
        }
        String subject = f.japanese() ? "お使いの機器のセキュリティに関する重要なお知らせ" : "Important notice about the security of your device";
        return new ComposedNotice(f.language(), subject, b.toString());
    }

    // Blank lines inside an address would break the block layout.
    private static String block(String lines) {
        return lines.strip().replaceAll("\\s*\\R\\s*(\\R\\s*)*", "\n");
    }
}
