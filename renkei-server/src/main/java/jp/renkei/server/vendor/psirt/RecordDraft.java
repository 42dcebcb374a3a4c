package jp.renkei.server.vendor.psirt;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A vulnerability record as entered (web form or JSON), before it is checked. Texts are as typed;
 * the identifiers and vectors are checked and normalised when saved.
 *
 * @param publication {@code draft} or {@code published}
 */
public record RecordDraft(String title, String description, String cve, String jvn, String jvndb, String cwe,
        String cvss31, String cvss40, String status, String justification, List<AffectedRange> affected,
        boolean embargoed, Optional<LocalDate> embargoUntil, String publication) {}
