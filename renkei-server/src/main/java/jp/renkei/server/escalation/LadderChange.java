package jp.renkei.server.escalation;

/** What a change of the ladders did. */
public sealed interface LadderChange {

    /** Stored; {@code what} names the ladder version or setting, e.g. {@code standard@3}. */
    record Saved(String what) implements LadderChange {
    }

    /** Nothing stored: {@code field} (e.g. {@code steps[1].after}) is wrong for the reason given. */
    record Rejected(String field, String detail) implements LadderChange {
    }
}
