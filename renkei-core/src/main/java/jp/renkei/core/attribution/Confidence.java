package jp.renkei.core.attribution;

/** How sure an attribution is; {@link #code()} is what the API and storage carry. */
public enum Confidence {
    /** A closed session covers the instant, no other holder within the clock-skew tolerance. */
    EXACT("exact"),
    /** The instant is within the clock-skew tolerance of a start or stop: another holder is possible. */
    BOUNDARY("boundary"),
    /** The covering session has no Stop (yet); it may only be open because the Stop was lost. */
    OPEN_SESSION("open-session"),
    /** A CGNAT address observed without a port: several subscribers shared it (see {@link Attribution.Shared}). */
    SHARED_ADDRESS("shared-address");

    private final String code;

    Confidence(String code) {
        this.code = code;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }
}
