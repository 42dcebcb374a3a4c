package jp.renkei.core.radius;

import java.util.Locale;
import java.util.Optional;

/** Which accounting attribute names the subscriber; ISPs differ (login name, line, MAC). */
public enum SubscriberAttribute {
    /** User-Name: the PPPoE/802.1X login, the usual choice. */
    USER_NAME("user-name", RadiusAttributeType.USER_NAME),
    /** Calling-Station-Id: often the CPE MAC address or the caller's line. */
    CALLING_STATION_ID("calling-station-id", RadiusAttributeType.CALLING_STATION_ID),
    /** NAS-Port-Id: the access line (where BRASes put the option-82 circuit-id). */
    NAS_PORT_ID("nas-port-id", RadiusAttributeType.NAS_PORT_ID),
    /** Class: an identifier the authentication server handed out. */
    CLASS("class", RadiusAttributeType.CLASS);

    private final String code;
    private final int type;

    SubscriberAttribute(String code, int type) {
        this.code = code;
        this.type = type;
    }

    /** Stable code for settings and APIs, e.g. {@code calling-station-id}. */
    public String code() {
        return code;
    }

    /** The RADIUS attribute type. */
    public int type() {
        return type;
    }

    /** Parses a code (case-insensitive, {@code _} for {@code -}). */
    public static Optional<SubscriberAttribute> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SubscriberAttribute a : values()) {
            if (a.code.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
