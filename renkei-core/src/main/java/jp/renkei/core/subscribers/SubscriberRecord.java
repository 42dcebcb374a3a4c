package jp.renkei.core.subscribers;

import java.util.Objects;

import jp.renkei.core.Language;

/**
 * One subscriber as the ISP's customer system exports it; phone, LINE user id and postal address
 * are empty when unknown.
 */
public record SubscriberRecord(String subscriberId, String name, String email, String phone, Language language,
        String lineUserId, String postalAddress) {

    /** Rejects nulls so downstream code never has to check. */
    public SubscriberRecord {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(lineUserId, "lineUserId");
        Objects.requireNonNull(postalAddress, "postalAddress");
    }

    /** A subscriber reachable by e-mail and phone only (no LINE id, no postal address on record). */
    public SubscriberRecord(String subscriberId, String name, String email, String phone, Language language) {
        this(subscriberId, name, email, phone, language, "", "");
    }
}
