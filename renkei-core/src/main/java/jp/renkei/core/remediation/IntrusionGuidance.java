package jp.renkei.core.remediation;

import java.util.List;
import java.util.Optional;

/** Guidance for devices that attack others or are controlled by someone else. */
final class IntrusionGuidance {

    private IntrusionGuidance() {
    }

    static Guidance bruteForceJa() {
        return new Guidance(
                "機器がほかの機器へのログインを繰り返し試みています",
                "お客さまの回線につながっている機器(ルーター、ネットワークカメラなど)が、インターネット上のほかの機器に対して、"
                        + "パスワードを次々に試してログインしようとしているのを確認しました。"
                        + "多くの場合、機器がウイルス(マルウェア)に乗っ取られ、攻撃に使われています。"
                        + "パソコンのウイルス対策ソフトでは、これらの機器は守られません。",
                List.of(
                        "機器の電源プラグを抜いて、少し待ってから差し直し、再起動してください。",
                        "再起動したらすぐに、機器のパスワードを長くてほかでは使っていないものに変更してください。",
                        "メーカーの公式サイトで最新のファームウェア(機器のソフトウェア)を確認し、更新してください。",
                        "それでも改善しない場合は、機器を初期化(工場出荷時の状態に戻す)してから、パスワードを設定し直してください。",
                        "対応が終わったら、ご契約のプロバイダのサイトで対応済みとお知らせください。改めて確認いたします。"));
    }

    static Guidance bruteForceEn() {
        return new Guidance(
                "A device on your line keeps trying to log into other machines",
                "A device connected to your line (such as a router or network camera) was seen trying password after "
                        + "password to log into other machines on the Internet. Usually this means malware has taken "
                        + "it over. Antivirus software on your PC does not protect these devices.",
                List.of(
                        "Unplug the device's power, wait a moment, plug it back in and let it restart.",
                        "Right after the restart, change the device's password to a long one you use nowhere else.",
                        "Check the maker's official website for the latest firmware (the device's software) and install it.",
                        "If the problem persists, reset the device to factory settings and set a new password.",
                        "When you are done, tell us on your provider's website that you have fixed it, and we will check again."));
    }

    static Guidance compromisedJa(Optional<String> family) {
        String which = family.map(f -> "(「" + f + "」)").orElse("");
        return new Guidance(
                "機器が第三者に乗っ取られているおそれがあります",
                "お客さまの回線につながっている機器(ルーター、ネットワークカメラなど)に、第三者が入り込んだ形跡" + which
                        + "を確認しました。設定が書き換えられたり、攻撃に使われたりしているおそれがあります。"
                        + "再起動だけでは元に戻らないことがあります。"
                        + "パソコンのウイルス対策ソフトでは、これらの機器は守られません。",
                List.of(
                        "機器を初期化(工場出荷時の状態に戻す)してください。",
                        "初期化したらすぐに、長くてほかでは使っていないパスワードを設定してください。",
                        "メーカーの公式サイトで最新のファームウェア(機器のソフトウェア)を確認し、更新してください。",
                        "使っていない遠隔管理(リモート管理)の機能は、設定で「無効」にしてください。",
                        "対応が終わったら、ご契約のプロバイダのサイトで対応済みとお知らせください。改めて確認いたします。"));
    }

    static Guidance compromisedEn(Optional<String> family) {
        String which = family.map(f -> " (" + f + ")").orElse("");
        return new Guidance(
                "Someone else may have taken over a device on your line",
                "A device connected to your line (such as a router or network camera) shows signs that a stranger "
                        + "got into it" + which + ". Its settings may have been changed or it may be used to attack "
                        + "others; a restart alone may not undo this. Antivirus software on your PC does not protect "
                        + "these devices.",
                List.of(
                        "Reset the device to factory settings.",
                        "Right after the reset, set a long password you use nowhere else.",
                        "Check the maker's official website for the latest firmware (the device's software) and install it.",
                        "If you do not use remote management, turn it off.",
                        "When you are done, tell us on your provider's website that you have fixed it, and we will check again."));
    }
}
