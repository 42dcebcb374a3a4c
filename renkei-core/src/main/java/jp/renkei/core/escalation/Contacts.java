package jp.renkei.core.escalation;

import java.util.Objects;
import java.util.Optional;

/** Where a subscriber can be reached; blank entries count as missing. */
public record Contacts(Optional<String> email, Optional<String> phone, Optional<String> lineUserId,
        Optional<String> postalAddress) {

    /** Drops blank entries and surrounding spaces. */
    public Contacts {
        email = clean(email);
        phone = clean(phone);
        lineUserId = clean(lineUserId);
        postalAddress = clean(postalAddress);
    }

    /** Nothing on record. */
    public static Contacts none() {
        return new Contacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** With this e-mail address. */
    public Contacts withEmail(String value) {
        return new Contacts(Optional.of(value), phone, lineUserId, postalAddress);
    }

    /** With this phone number (SMS and the call list). */
    public Contacts withPhone(String value) {
        return new Contacts(email, Optional.of(value), lineUserId, postalAddress);
    }

    /** With this LINE user id. */
    public Contacts withLineUserId(String value) {
        return new Contacts(email, phone, Optional.of(value), postalAddress);
    }

    /** With this postal address. */
    public Contacts withPostalAddress(String value) {
        return new Contacts(email, phone, lineUserId, Optional.of(value));
    }

    /** The address the channel delivers to; empty when missing or when the channel needs none. */
    public Optional<String> addressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS, CALL_LIST -> phone;
            case LINE -> lineUserId;
            case LETTER -> postalAddress;
            case WALLED_GARDEN -> Optional.empty();
        };
    }

    /** Whether the channel can reach the subscriber: it needs no address or the address is on record. */
    public boolean reaches(Channel channel) {
        return !channel.needsContact() || addressFor(channel).isPresent();
    }

    private static Optional<String> clean(Optional<String> value) {
        return Objects.requireNonNull(value, "use Optional.empty()").map(String::strip).filter(s -> !s.isEmpty());
    }
}
