package jp.renkei.server.intake.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import jp.renkei.core.net.IpAddresses;

/**
 * Which observations an operator asks for; every part is optional and all given parts must hold.
 *
 * @param prefix canonical CIDR block, e.g. {@code 192.0.2.0/24}
 * @param model  part of the device model, case-insensitive
 */
public record ObservationFilter(Optional<String> ip, Optional<String> prefix, Optional<Instant> from,
        Optional<Instant> to, Optional<String> kind, Optional<String> model, Optional<String> feed) {

    /** A search the operator typed that cannot be run; the message names the field. */
    public static class BadFilterException extends RuntimeException {
        public BadFilterException(String message) {
            super(message);
        }
    }

    /**
     * Parses request parameters. Times are ISO-8601 instants or offsets, or local date-times
     * ({@code 2024-09-24T12:00}) in the viewer's zone.
     */
    public static ObservationFilter parse(String ip, String prefix, String from, String to, String kind,
            String model, String feed, ZoneId zone) {
        return new ObservationFilter(text(ip).map(ObservationFilter::address), text(prefix).map(ObservationFilter::block),
                text(from).map(t -> instant("from", t, zone)), text(to).map(t -> instant("to", t, zone)), text(kind),
                text(model), text(feed));
    }

    private static String address(String text) {
        try {
            return IpAddresses.canonical(text);
        } catch (IllegalArgumentException e) {
            throw new BadFilterException("ip: " + e.getMessage());
        }
    }

    private static String block(String text) {
        IPAddress a = new IPAddressString(text.strip()).getAddress();
        if (a == null || !a.isPrefixed()) {
            throw new BadFilterException("prefix: not a CIDR block such as 192.0.2.0/24 or 2001:db8::/32: '" + text + "'");
        }
        return a.toPrefixBlock().toCanonicalString();
    }

    private static Instant instant(String field, String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException notOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeException e) {
                    throw new BadFilterException(field + ": not a date-time such as 2024-09-24T12:00: '" + text + "'");
                }
            }
        }
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
