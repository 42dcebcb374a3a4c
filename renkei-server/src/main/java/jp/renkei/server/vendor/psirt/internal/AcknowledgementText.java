package jp.renkei.server.vendor.psirt.internal;

import jp.renkei.core.Language;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.TrackingId;

/**
 * The automatic acknowledgement a reporter receives: the tracking id, what happens next and when,
 * and the request to keep the details private until the fix, in the language of the form.
 */
final class AcknowledgementText {

    /** Subject and body of one acknowledgement. */
    record Composed(String subject, String body) {}

    private AcknowledgementText() {}

    static Composed compose(Language language, ContactPoint vendor, TrackingId id, String reporterName, String policyUrl) {
        int days = vendor.targets().acknowledgeBusinessDays();
        if (language == Language.EN) {
            String greeting = reporterName.isBlank() ? "Hello," : "Dear " + reporterName + ",";
            return new Composed("[" + id + "] Your vulnerability report to " + vendor.vendorName() + " was received",
                    """
                    %1$s

                    Thank you for your report. %2$s's product security team has received it.

                      Tracking id: %3$s

                    Please quote the tracking id whenever you write to us about this report.
                    A member of our team will confirm that we are looking into it within %4$d business days,
                    and keep you informed until a fix is available.

                    Please do not publish details of the vulnerability before the fix is available.
                    Our disclosure policy: %5$s

                    %2$s Product Security (PSIRT)
                    """.formatted(greeting, vendor.vendorName(), id, days, policyUrl));
        }
        String greeting = reporterName.isBlank() ? "ご報告者様" : reporterName + " 様";
        return new Composed("【受付】" + vendor.vendorName() + "への脆弱性のご報告（追跡番号 " + id + "）",
                """
                %1$s

                脆弱性のご報告をありがとうございます。%2$s の製品セキュリティ担当（PSIRT）が受け付けました。

                  追跡番号: %3$s

                このご報告についてお問い合わせの際は、追跡番号をお知らせください。
                %4$d 営業日以内に担当者から確認のご連絡をし、修正の提供まで進捗をお知らせします。

                修正が公開されるまで、脆弱性の詳細を公開しないようお願いいたします。
                脆弱性情報の取扱方針: %5$s

                %2$s 製品セキュリティ担当（PSIRT）
                """.formatted(greeting, vendor.vendorName(), id, days, policyUrl));
    }
}
