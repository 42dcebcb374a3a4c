package jp.renkei.server.vendor.advisories.web;

import java.util.List;

/** The new-advisory form as submitted: the chosen record ids and the texts. */
record AdvisoryForm(List<Long> recordIds, String title, String language, String tlp, String summary,
        String workaround, String mitigation) {

    AdvisoryForm {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        title = title == null ? "" : title;
        language = language == null ? "ja" : language;
        tlp = tlp == null ? "WHITE" : tlp;
        summary = summary == null ? "" : summary;
        workaround = workaround == null ? "" : workaround;
        mitigation = mitigation == null ? "" : mitigation;
    }

    static AdvisoryForm empty() {
        return new AdvisoryForm(List.of(), "", "ja", "WHITE", "", "", "");
    }
}
