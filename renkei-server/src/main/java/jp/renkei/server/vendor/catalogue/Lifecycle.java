package jp.renkei.server.vendor.catalogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Where a product stands in its support period on a given day: supported, support ending soon, or
 * at end of life (after which the advice is to replace the device, not to update it).
 */
public sealed interface Lifecycle permits Lifecycle.Supported, Lifecycle.EndingSoon, Lifecycle.EndOfLife {

    /** How far ahead the end of support is announced as near. */
    long WARNING_DAYS = 180;

    /** A short code for pages and JSON: {@code supported}, {@code ending-soon}, {@code end-of-life}. */
    String code();

    /** Supported; the end of support is further away than {@link #WARNING_DAYS}, or not announced. */
    record Supported(Optional<LocalDate> endOfSupport) implements Lifecycle {
        @Override
        public String code() {
            return "supported";
        }
    }

    /** Support ends in {@code days} days (0 = today is the last day). */
    record EndingSoon(long days, LocalDate endOfSupport) implements Lifecycle {
        @Override
        public String code() {
            return "ending-soon";
        }
    }

    /** Support ended: the last supported day was {@code endOfSupport}. */
    record EndOfLife(LocalDate endOfSupport) implements Lifecycle {
        @Override
        public String code() {
            return "end-of-life";
        }
    }

    /** The lifecycle on {@code today}; the end-of-support date is the last day still supported. */
    static Lifecycle of(Optional<LocalDate> endOfSupport, LocalDate today) {
        if (endOfSupport.isEmpty()) {
            return new Supported(Optional.empty());
        }
        long days = ChronoUnit.DAYS.between(today, endOfSupport.get());
        if (days < 0) {
            return new EndOfLife(endOfSupport.get());
        }
        return days <= WARNING_DAYS ? new EndingSoon(days, endOfSupport.get()) : new Supported(endOfSupport);
    }
}
