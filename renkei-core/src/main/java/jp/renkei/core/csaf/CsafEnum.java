package jp.renkei.core.csaf;

import java.util.Locale;

/** A closed CSAF vocabulary whose JSON spelling is the lower-case constant name. */
public interface CsafEnum {

    /** The value as written in CSAF JSON, e.g. {@code vendor_fix}. */
    default String json() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} spelled {@code json} in CSAF JSON; the message lists what is allowed. */
    static <E extends Enum<E> & CsafEnum> E fromJson(Class<E> type, String json) {
        for (E e : type.getEnumConstants()) {
            if (e.json().equals(json)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.isEmpty() ? "" : ", ").append(e.json());
        }
        throw new IllegalArgumentException("'" + json + "' is not one of " + allowed);
    }
}
