package jp.renkei.server.vendor.psirt.internal;

/**
 * The disclosure policy a vendor starts with, in the spirit of ISO/IEC 29147 and the Japanese
 * information security early warning partnership; the administrator edits it in the settings.
 * {@code %1$s} is the vendor's name, {@code %2$d}/{@code %3$d} the acknowledge/fix targets.
 */
final class DefaultPolicy {

    static final String JA = """
            %1$s は、当社製品の脆弱性に関する報告を歓迎します。

            ■ 報告の方法
            このページの報告フォーム（ログイン不要）からお送りください。調整機関（IPA・JPCERT/CC）経由の報告も受け付けます。
            報告には、対象の製品（型番）とファームウェアのバージョン、再現の手順、想定される影響をお書きください。

            ■ 当社の対応
            ・受付後、追跡番号をお知らせします。%2$d 営業日以内に受領を確認します。
            ・内容を確認し、影響を受ける製品とバージョンを特定します。
            ・修正は %3$d 日以内の提供を目標とし、進捗をお知らせします。
            ・修正の公開時には、ご希望に応じて報告者のお名前を謝辞に掲載します。

            ■ お願い
            ・修正が公開されるまで、脆弱性の詳細を公開しないでください。
            ・調査は、ご自身が所有する機器で行い、他人のデータやサービスに影響を与えないでください。
            ・この方針に沿った善意の調査について、当社が法的措置をとることはありません。
            """;

    static final String EN = """
            %1$s welcomes reports of vulnerabilities in its products.

            How to report
            Use the report form on this site (no account needed). Reports through a coordinator (IPA, JPCERT/CC) are welcome too.
            Please tell us the product (model number) and firmware version, how to reproduce the problem, and its likely impact.

            What we do
            - We send you a tracking id, and confirm receipt within %2$d business days.
            - We analyse the report and identify the affected products and versions.
            - We aim to provide a fix within %3$d days and keep you informed.
            - When the fix is published, we credit you in the acknowledgements if you wish.

            What we ask of you
            - Do not publish details of the vulnerability before the fix is available.
            - Test only on devices you own, without touching other people's data or services.
            - We will not take legal action over good-faith research that follows this policy.
            """;

    private DefaultPolicy() {}
}
