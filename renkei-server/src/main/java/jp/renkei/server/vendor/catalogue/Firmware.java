package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One firmware version of a product.
 *
 * @param fixes what this release fixes, in words
 */
public record Firmware(long id, long productId, String version, Optional<LocalDate> releaseDate, String fixes,
        Instant createdAt) {
}
