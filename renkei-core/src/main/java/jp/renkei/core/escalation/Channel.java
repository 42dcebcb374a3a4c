package jp.renkei.core.escalation;

import java.util.Locale;
import java.util.Optional;

/** A way to reach a subscriber about a case; every one goes through the outbox. */
public enum Channel {
    /** E-mail through SMTP. */
    EMAIL("email", true, true),
    /** SMS through the ISP's HTTP gateway. */
    SMS("sms", true, true),
    /** A LINE push message. */
    LINE("line", true, true),
    /** A printed letter in the next mailing batch. */
    LETTER("letter", false, false),
    /** An entry on the support staff's list of subscribers to call. */
    CALL_LIST("call-list", false, true),
    /** The walled garden: the subscriber's traffic goes to the notice until they act. */
    WALLED_GARDEN("walled-garden", false, false);

    private final String code;
    private final boolean message;
    private final boolean quietHours;

    Channel(String code, boolean message, boolean quietHours) {
        this.code = code;
        this.message = message;
        this.quietHours = quietHours;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }

    /** Whether this is a message channel, one a subscriber's preferences may replace or reorder. */
    public boolean isMessage() {
        return message;
    }

    /**
     * Whether quiet hours hold this channel back. A letter arrives by day whenever it was
     * printed, and a quarantine is not a message that wakes anyone.
     */
    public boolean keepsQuietHours() {
        return quietHours;
    }

    /** Whether this channel needs a contact address of the subscriber. */
    public boolean needsContact() {
        return this != WALLED_GARDEN;
    }

    /** The channel with this code (case-insensitive, {@code _} for {@code -}), empty when there is none. */
    public static Optional<Channel> fromCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Channel ch : values()) {
            if (ch.code.equals(c)) {
                return Optional.of(ch);
            }
        }
        return Optional.empty();
    }
}
