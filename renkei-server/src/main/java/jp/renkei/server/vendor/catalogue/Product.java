package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A device model in the vendor's catalogue, with its published support lifecycle.
 *
 * @param supportPeriod the support period as published to customers, in words
 */
public record Product(long id, String modelNumber, String name, UpdateMechanism updateMechanism,
        Optional<LocalDate> endOfSale, Optional<LocalDate> endOfSupport, String supportPeriod, Instant createdAt) {

    /** Where the product stands on {@code today}. */
    public Lifecycle lifecycle(LocalDate today) {
        return Lifecycle.of(endOfSupport, today);
    }

    /** True when it is no longer sold on {@code today}. */
    public boolean endOfSaleReached(LocalDate today) {
        return endOfSale.filter(d -> !today.isBefore(d)).isPresent();
    }
}
