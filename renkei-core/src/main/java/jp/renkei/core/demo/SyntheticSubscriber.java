package jp.renkei.core.demo;

import jp.renkei.core.Language;

/** A generated subscriber; {@code name} is in kanji for Japanese readers, romaji for English. */
record SyntheticSubscriber(String id, String name, String email, String phone, Language language) {
}
