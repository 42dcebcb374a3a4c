package jp.renkei.server.quarantine.internal;

/**
 * An enforcement action did not succeed. {@code permanent} when another attempt would get the same
 * answer (the NAS refused the request as malformed, the settings are incomplete); otherwise it is
 * tried again with backoff.
 */
class EnforcementFailure extends Exception {

    private final boolean permanent;

    EnforcementFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
