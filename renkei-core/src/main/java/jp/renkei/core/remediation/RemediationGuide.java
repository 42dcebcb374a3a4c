package jp.renkei.core.remediation;

import java.util.List;
import java.util.Optional;
import jp.renkei.core.Language;
import jp.renkei.core.intake.ProblemKind;

/**
 * Plain-words guidance for a subscriber, Japanese first. Most users who do nothing "don't know
 * where to start" and many trust their PC antivirus, so the text says what to do and why that
 * antivirus does not help. It contains no links: notices must not train users to click them.
 */
public final class RemediationGuide {

    private RemediationGuide() {
    }

    /** Guidance for a problem, without naming the malware. */
    public static Guidance forProblem(ProblemKind kind, Language lang) {
        return forProblem(kind, lang, Optional.empty());
    }

    /** Guidance for a problem, naming the malware family when it is known. */
    public static Guidance forProblem(ProblemKind kind, Language lang, Optional<String> malwareFamily) {
        return switch (kind) {
            case EXPOSED_TELNET -> lang == Language.EN ? telnetEn() : telnetJa();
            case INFECTED -> lang == Language.EN ? infectedEn(malwareFamily) : infectedJa(malwareFamily);
            case EXPOSED_SERVICE -> lang == Language.EN ? ServiceGuidance.exposedEn() : ServiceGuidance.exposedJa();
            case VULNERABLE_SERVICE -> lang == Language.EN ? ServiceGuidance.vulnerableEn()
                    : ServiceGuidance.vulnerableJa();
            case BRUTE_FORCE_SOURCE -> lang == Language.EN ? IntrusionGuidance.bruteForceEn()
                    : IntrusionGuidance.bruteForceJa();
            case COMPROMISED -> lang == Language.EN ? IntrusionGuidance.compromisedEn(malwareFamily)
                    : IntrusionGuidance.compromisedJa(malwareFamily);
            // Unmapped observations never open a case; this text exists so no caller ever fails.
            case UNMAPPED -> lang == Language.EN ? ServiceGuidance.unmappedEn() : ServiceGuidance.unmappedJa();
        };
    }

    private static Guidance telnetJa() {
        return new Guidance(
                "インターネットから遠隔操作できる状態の機器があります",
                "お客さまの回線につながっている機器(ルーター、ネットワークカメラ、録画機など)が、"
                        + "インターネット上のだれからでも「telnet(テルネット)」という方法でログインを受け付ける状態になっています。"
                        + "購入時のままのパスワードや簡単なパスワードのままだと、第三者に乗っ取られ、"
                        + "ほかの機器への攻撃などに悪用されるおそれがあります。"
                        + "なお、パソコンのウイルス対策ソフトでは、これらの機器は守られません。",
                List.of(
                        "機器の管理画面で、購入時のパスワードや簡単なパスワードを、長くてほかでは使っていないパスワードに変更してください。",
                        "telnet や遠隔管理(リモート管理)の機能を使っていない場合は、設定で「無効」にしてください。",
                        "メーカーの公式サイトで最新のファームウェア(機器のソフトウェア)を確認し、更新してください。",
                        "メーカーのサポートが終了していて更新が出ていない場合は、機器の買い替えをご検討ください。"));
    }

    private static Guidance telnetEn() {
        return new Guidance(
                "A device on your line can be logged into from the Internet",
                "A device connected to your line (such as a router, network camera or recorder) accepts remote "
                        + "login (telnet) from anyone on the Internet. If it still uses its factory password or a "
                        + "simple one, strangers can take it over and use it to attack others. "
                        + "Antivirus software on your PC does not protect these devices.",
                List.of(
                        "In the device's settings, replace the factory or simple password with a long one you use nowhere else.",
                        "If you do not use telnet or remote management, turn them off.",
                        "Check the maker's official website for the latest firmware (the device's software) and install it.",
                        "If the maker no longer supports the device and offers no update, consider replacing it."));
    }

    private static Guidance infectedJa(Optional<String> family) {
        String which = family.map(f -> "「" + f + "」という").orElse("");
        return new Guidance(
                "機器がウイルスに感染しているおそれがあります",
                "お客さまの回線につながっている機器(ルーター、ネットワークカメラなど)が、" + which
                        + "ウイルス(マルウェア)を操る攻撃者のサーバーと通信しているのを確認しました。"
                        + "感染した機器は、気づかないうちにほかの機器への攻撃などに使われることがあります。"
                        + "パソコンのウイルス対策ソフトでは、これらの機器は守られません。",
                List.of(
                        "機器の電源プラグを抜いて、少し待ってから差し直し、再起動してください。この種のウイルスの多くは再起動で消えます。",
                        "再起動したらすぐに、機器のパスワードを長くてほかでは使っていないものに変更してください。そのままだと再び感染するおそれがあります。",
                        "メーカーの公式サイトで最新のファームウェア(機器のソフトウェア)を確認し、更新してください。",
                        "それでも改善しない場合は、機器を初期化(工場出荷時の状態に戻す)してから、パスワードを設定し直してください。",
                        "対応が終わったら、ご契約のプロバイダのサイトで対応済みとお知らせください。改めて確認いたします。"));
    }

    private static Guidance infectedEn(Optional<String> family) {
        String which = family.map(f -> " (" + f + ")").orElse("");
        return new Guidance(
                "A device on your line may be infected",
                "A device connected to your line (such as a router or network camera) was seen talking to a server "
                        + "that controls malware" + which + ". An infected device can be used to attack others "
                        + "without you noticing. Antivirus software on your PC does not protect these devices.",
                List.of(
                        "Unplug the device's power, wait a moment, plug it back in and let it restart. Much of this malware lives only in memory and is removed by a restart.",
                        "Right after the restart, change the device's password to a long one you use nowhere else, or it may be infected again.",
                        "Check the maker's official website for the latest firmware (the device's software) and install it.",
                        "If the problem persists, reset the device to factory settings and set a new password.",
                        "When you are done, tell us on your provider's website that you have fixed it, and we will check again."));
    }
}
