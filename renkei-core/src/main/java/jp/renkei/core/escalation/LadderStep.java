package jp.renkei.core.escalation;

import java.time.Duration;
import java.util.Objects;

/** One rung of a ladder: this long after the case entered the ladder, reach out on this channel. */
public record LadderStep(Duration after, Channel channel) {

    /** Rejects a negative delay. */
    public LadderStep {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(channel, "channel");
        if (after.isNegative()) {
            throw new IllegalArgumentException("step on " + channel.code() + " " + after + " before the start");
        }
    }

    /** A step this many days after the start. */
    public static LadderStep day(int days, Channel channel) {
        return new LadderStep(Duration.ofDays(days), channel);
    }
}
