package jp.renkei.server.vendor.advisories;

import java.util.List;

/**
 * An advisory as the PSIRT asks for it: the vulnerability records it covers, its title, language
 * ({@code ja} or {@code en}), TLP label, and the texts Renkei cannot take from the records (summary,
 * workaround, mitigation; blank when there is none).
 */
public record AdvisoryDraft(List<Long> recordIds, String title, String language, String tlp, String summary,
        String workaround, String mitigation) {

    public AdvisoryDraft {
        recordIds = List.copyOf(recordIds);
    }
}
