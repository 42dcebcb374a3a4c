package jp.renkei.core.remediation;

import java.util.List;

/** Guidance for services that are reachable or vulnerable (no infection seen yet). */
final class ServiceGuidance {

    private ServiceGuidance() {
    }

    static Guidance exposedJa() {
        return new Guidance(
                "インターネットから操作できる状態の機能がある機器があります",
                "お客さまの回線につながっている機器(ルーター、ネットワークカメラ、録画機など)の管理画面や遠隔操作の機能が、"
                        + "インターネット上のだれからでも接続できる状態になっています。"
                        + "パスワードが弱い場合や機器に弱点がある場合、第三者に乗っ取られるおそれがあります。"
                        + "なお、パソコンのウイルス対策ソフトでは、これらの機器は守られません。",
                List.of(
                        "外出先から機器を操作する必要がない場合は、機器の設定で遠隔管理(リモート管理)や UPnP を「無効」にしてください。",
                        "機器の管理画面で、購入時のパスワードや簡単なパスワードを、長くてほかでは使っていないパスワードに変更してください。",
                        "メーカーの公式サイトで最新のファームウェア(機器のソフトウェア)を確認し、更新してください。",
                        "メーカーのサポートが終了していて更新が出ていない場合は、機器の買い替えをご検討ください。"));
    }

    static Guidance exposedEn() {
        return new Guidance(
                "A device on your line offers a function to the whole Internet",
                "A device connected to your line (such as a router, network camera or recorder) lets anyone on the "
                        + "Internet reach its management page or remote-control function. With a weak password or "
                        + "a known flaw, strangers can take it over. Antivirus software on your PC does not protect "
                        + "these devices.",
                List.of(
                        "If you do not need to control the device from outside your home, turn off remote management and UPnP in its settings.",
                        "In the device's settings, replace the factory or simple password with a long one you use nowhere else.",
                        "Check the maker's official website for the latest firmware (the device's software) and install it.",
                        "If the maker no longer supports the device and offers no update, consider replacing it."));
    }

    static Guidance vulnerableJa() {
        return new Guidance(
                "機器に弱点(脆弱性)があり、乗っ取られるおそれがあります",
                "お客さまの回線につながっている機器(ルーター、ネットワークカメラなど)が、"
                        + "購入時のままのパスワードや簡単なパスワード、または古いソフトウェアの弱点のために、"
                        + "インターネットから第三者に操作されるおそれのある状態です。"
                        + "パソコンのウイルス対策ソフトでは、これらの機器は守られません。",
                List.of(
                        "機器の管理画面で、パスワードを長くてほかでは使っていないものに変更してください。",
                        "メーカーの公式サイトで最新のファームウェア(機器のソフトウェア)を確認し、更新してください。",
                        "使っていない遠隔管理(リモート管理)の機能は、設定で「無効」にしてください。",
                        "メーカーのサポートが終了していて更新が出ていない場合は、機器の買い替えをご検討ください。"));
    }

    static Guidance vulnerableEn() {
        return new Guidance(
                "A device on your line has a weakness that lets others take it over",
                "A device connected to your line (such as a router or network camera) can be controlled from the "
                        + "Internet by strangers, because of a factory or simple password or a flaw in old software. "
                        + "Antivirus software on your PC does not protect these devices.",
                List.of(
                        "In the device's settings, change the password to a long one you use nowhere else.",
                        "Check the maker's official website for the latest firmware (the device's software) and install it.",
                        "If you do not use remote management, turn it off.",
                        "If the maker no longer supports the device and offers no update, consider replacing it."));
    }

    static Guidance unmappedJa() {
        return new Guidance(
                "機器についての報告があります",
                "お客さまの回線につながっている機器について、外部の組織から報告がありました。内容を確認しています。",
                List.of("機器のパスワードを長くてほかでは使っていないものにし、ファームウェアを最新にしてください。"));
    }

    static Guidance unmappedEn() {
        return new Guidance(
                "We received a report about a device on your line",
                "An outside organisation reported a device connected to your line. We are looking into it.",
                List.of("Give the device a long password you use nowhere else and install its latest firmware."));
    }
}
