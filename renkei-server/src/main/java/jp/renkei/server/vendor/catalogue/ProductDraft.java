package jp.renkei.server.vendor.catalogue;

import java.time.LocalDate;
import java.util.Optional;

/** What creating or changing a product carries; checked by {@link Catalogue}. */
public record ProductDraft(String modelNumber, String name, UpdateMechanism updateMechanism,
        Optional<LocalDate> endOfSale, Optional<LocalDate> endOfSupport, String supportPeriod) {
}
