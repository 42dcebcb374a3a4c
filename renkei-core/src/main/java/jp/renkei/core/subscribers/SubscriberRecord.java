package jp.renkei.core.subscribers;

import java.util.Objects;
import jp.renkei.core.Language;

/** One subscriber as the ISP's customer system exports it; phone is empty when unknown. */
public record SubscriberRecord(String subscriberId, String name, String email, String phone, Language language) {

    /** Rejects nulls so downstream code never has to check. */
    public SubscriberRecord {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(language, "language");
    }
}
