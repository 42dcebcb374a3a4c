package jp.renkei.server.escalation.internal;

import jp.renkei.core.escalation.Ladder;

/** A ladder version with its row id, which runs refer to. */
record StoredLadder(long id, Ladder ladder) {

    /** {@code name@version}, as the timeline and the pages show it. */
    String label() {
        return ladder.name() + "@" + ladder.version();
    }
}
