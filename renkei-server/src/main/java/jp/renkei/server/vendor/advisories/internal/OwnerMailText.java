package jp.renkei.server.vendor.advisories.internal;

import java.util.ArrayList;
import java.util.List;

import jp.renkei.core.Language;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.advisories.internal.AdvisoryComposer.ModelAdvice;

/** The owners' mails in Japanese and English: the registration confirmation and the advisory notice with the steps. */
enum OwnerMailText {
    JA("[%s] 製品登録の確認",
            "%s の製品 %s のセキュリティ情報をお知らせするため、メールアドレスの登録を受け付けました。\n\n"
                    + "次のリンクを開くと登録が完了します。お心当たりのない場合は、このメールを破棄してください。\n\n%s\n",
            "[%s] セキュリティ情報 %s: %s",
            "ご登録いただいた %s（%s）に関するセキュリティ情報 %s（第 %s 版）を公開しました。\n\n%s\n\nお客様にしていただくこと:\n%s\n詳しくは次のページをご覧ください。\n%s\n",
            "・ファームウェアを %s 以降に更新してください。",
            "・この機種は %s にサポートを終了しました。修正ファームウェアは提供されません。使用を中止し、サポート対象の機種に買い替えてください。",
            "・修正ファームウェアは準備中です。公開までの間、次の対策をお願いします。",
            "・修正ファームウェアは準備中です。公開時に改めてお知らせします。",
            "・回避策: %s", "・緩和策: %s"),
    EN("[%s] Please confirm your product registration",
            "We received a request to tell this address about security advisories for the %s product %s.\n\n"
                    + "Open this link to confirm. If you did not ask for this, please ignore this mail.\n\n%s\n",
            "[%s] Security advisory %s: %s",
            "We have published security advisory %3$s (version %4$s) about the %1$s (%2$s) you registered.\n\n%5$s\n\n"
                    + "What to do:\n%6$s\nDetails:\n%7$s\n",
            "- Update the firmware to %s or later.",
            "- Support for this model ended on %s. No fixed firmware will be provided. Stop using the device and "
                    + "replace it with a supported model.",
            "- A fixed firmware is being prepared. Until it is available, please take these steps.",
            "- A fixed firmware is being prepared. We will tell you when it is available.",
            "- Workaround: %s", "- Mitigation: %s");

    private final String confirmSubject;
    private final String confirmBody;
    private final String advisorySubject;
    private final String advisoryBody;
    private final String update;
    private final String replace;
    private final String meanwhile;
    private final String waiting;
    private final String workaround;
    private final String mitigation;

    OwnerMailText(String confirmSubject, String confirmBody, String advisorySubject, String advisoryBody, String update,
            String replace, String meanwhile, String waiting, String workaround, String mitigation) {
        this.confirmSubject = confirmSubject;
        this.confirmBody = confirmBody;
        this.advisorySubject = advisorySubject;
        this.advisoryBody = advisoryBody;
        this.update = update;
        this.replace = replace;
        this.meanwhile = meanwhile;
        this.waiting = waiting;
        this.workaround = workaround;
        this.mitigation = mitigation;
    }

    static OwnerMailText of(Language language) {
        return language == Language.EN ? EN : JA;
    }

    String confirmSubject(String vendor) {
        return confirmSubject.formatted(vendor);
    }

    String confirmBody(String vendor, String model, String link) {
        return confirmBody.formatted(vendor, model, link);
    }

    String advisorySubject(String vendor, VendorAdvisory a) {
        return advisorySubject.formatted(vendor, a.trackingId(), a.title());
    }

    String advisoryBody(String vendor, VendorAdvisory a, ModelAdvice model, String page) {
        String device = vendor + " " + model.name();
        return advisoryBody.formatted(device, model.modelNumber(), a.trackingId(), a.version(), a.title(),
                String.join("\n", steps(a, model)) + "\n", page);
    }

    /** Update to the fixing firmware, or replace an end-of-life model; the PSIRT's workaround and mitigation as written. */
    List<String> steps(VendorAdvisory a, ModelAdvice model) {
        List<String> steps = new ArrayList<>();
        if (model.endOfLife() && model.fixVersions().isEmpty()) {
            steps.add(replace.formatted(model.endOfSupport().map(Object::toString).orElse("")));
        } else if (!model.fixVersions().isEmpty()) {
            model.fixVersions().forEach(v -> steps.add(update.formatted(v)));
        } else {
            steps.add(a.workaround().isBlank() && a.mitigation().isBlank() ? waiting : meanwhile);
        }
        if (!a.workaround().isBlank()) {
            steps.add(workaround.formatted(a.workaround()));
        }
        if (!a.mitigation().isBlank()) {
            steps.add(mitigation.formatted(a.mitigation()));
        }
        return steps;
    }
}
