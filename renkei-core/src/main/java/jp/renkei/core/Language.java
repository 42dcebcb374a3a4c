package jp.renkei.core;

import java.util.Locale;

/** The language a subscriber reads notices and guidance in; Japanese is the default. */
public enum Language {
    JA("ja"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as stored and as written in import files. */
    public String code() {
        return code;
    }

    /** Parses "ja" or "en" (case-insensitive, surrounding spaces ignored). */
    public static Language fromCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "' (expected ja or en)");
    }
}
