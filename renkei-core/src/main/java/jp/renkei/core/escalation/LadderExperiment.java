package jp.renkei.core.escalation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.renkei.core.Sha256;

/**
 * A randomised comparison of ladders: each case gets one arm (a ladder name), drawn from a hash of
 * the experiment's seed and the case id, so the draw needs no storage to repeat and a restart
 * assigns the same arm. The caller still records the arm on the case, since arms may change.
 */
public record LadderExperiment(String name, String seed, List<String> arms) {

    /** Rejects an experiment without a seed or with fewer than two distinct arms. */
    public LadderExperiment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("experiment without a name");
        }
        if (seed == null || seed.isEmpty()) {
            throw new IllegalArgumentException("experiment " + name + " without a seed");
        }
        arms = List.copyOf(arms);
        if (arms.size() < 2 || arms.stream().distinct().count() != arms.size()) {
            throw new IllegalArgumentException("experiment " + name + " needs two or more distinct ladders, got " + arms);
        }
    }

    /** The ladder this case is assigned to. */
    public String assign(String caseId) {
        byte[] digest = Sha256.newDigest().digest((seed + "\n" + caseId).getBytes(StandardCharsets.UTF_8));
        long draw = ByteBuffer.wrap(digest).getLong();
        return arms.get((int) Long.remainderUnsigned(draw, arms.size()));
    }
}
