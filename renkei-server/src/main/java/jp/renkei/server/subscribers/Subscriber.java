package jp.renkei.server.subscribers;

import jp.renkei.core.Language;

/** A subscriber of one ISP: how to reach them and in which language. */
public record Subscriber(String subscriberId, String name, String email, String phone, Language language) {}
