package jp.renkei.server.subscribers;

import jp.renkei.core.Language;

/**
 * A subscriber of one ISP: how to reach them (e-mail, phone, LINE user id, postal address; empty
 * when unknown) and in which language.
 */
public record Subscriber(String subscriberId, String name, String email, String phone, Language language,
        String lineUserId, String postalAddress) {

    /** A subscriber with no LINE user id and no postal address on record. */
    public Subscriber(String subscriberId, String name, String email, String phone, Language language) {
        this(subscriberId, name, email, phone, language, "", "");
    }
}
