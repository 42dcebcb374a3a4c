package jp.renkei.core.csaf.authoring;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.core.Language;

/** The sentences Renkei writes into an advisory itself, in the document's language. */
enum AuthoringText {
    EN("Description", "%s %s firmware %s", "%s firmware %s installed on %s",
            "%s reached the end of support on %s. No fixed firmware will be provided for it. "
                    + "Stop using the device and replace it with a supported model%s.",
            " such as %s", "CVSS v4.0", "CVSS v4.0 vector: %s%s. CSAF 2.0 has no field for CVSS v4.0 scores, "
                    + "so it is given in this note.", " (base score %s, %s)"),
    JA("脆弱性の説明", "%s %s ファームウェア %s", "%s ファームウェア %s（%s に搭載）",
            "%sは%sにサポートを終了しました。修正ファームウェアは提供されません。"
                    + "使用を中止し、%sサポート対象の機種に買い替えてください。",
            "%sなどの", "CVSS v4.0", "CVSS v4.0 ベクトル: %s%s。CSAF 2.0 には CVSS v4.0 の値を記載する欄が"
                    + "ないため、この注記に記載しています。", "（基本値 %s、%s）");

    private final String descriptionTitle;
    private final String firmwareName;
    private final String installedOn;
    private final String noFixPlanned;
    private final String successor;
    private final String cvssV4Title;
    private final String cvssV4Note;
    private final String cvssV4Score;

    AuthoringText(String descriptionTitle, String firmwareName, String installedOn, String noFixPlanned,
            String successor, String cvssV4Title, String cvssV4Note, String cvssV4Score) {
        this.descriptionTitle = descriptionTitle;
        this.firmwareName = firmwareName;
        this.installedOn = installedOn;
        this.noFixPlanned = noFixPlanned;
        this.successor = successor;
        this.cvssV4Title = cvssV4Title;
        this.cvssV4Note = cvssV4Note;
        this.cvssV4Score = cvssV4Score;
    }

    static AuthoringText of(Language language) {
        return language == Language.JA ? JA : EN;
    }

    String descriptionTitle() {
        return descriptionTitle;
    }

    String firmwareName(String vendor, String model, String version) {
        return firmwareName.formatted(vendor, model, version);
    }

    String installedOn(String firmwareModel, String version, String deviceModel) {
        return installedOn.formatted(firmwareModel, version, deviceModel);
    }

    String noFixPlanned(String model, LocalDate endOfSupport, Optional<String> successorModel) {
        String date = this == JA
                ? DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPANESE).format(endOfSupport)
                : DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(endOfSupport);
        return noFixPlanned.formatted(model, date, successorModel.map(successor::formatted).orElse(""));
    }

    String cvssV4Title() {
        return cvssV4Title;
    }

    String cvssV4Note(String vector, Optional<String> scoreAndSeverity) {
        return cvssV4Note.formatted(vector, scoreAndSeverity.orElse(""));
    }

    String cvssV4Score(double score, String severity) {
        return cvssV4Score.formatted(score, severity);
    }
}
