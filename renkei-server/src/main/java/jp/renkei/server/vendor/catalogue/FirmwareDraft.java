package jp.renkei.server.vendor.catalogue;

import java.time.LocalDate;
import java.util.Optional;

/** What adding a firmware version carries. */
public record FirmwareDraft(String version, Optional<LocalDate> releaseDate, String fixes) {
}
