package jp.renkei.core.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The message channels a subscriber chose in the portal, most preferred first, and whether they
 * come before the ladder's own message channels ({@link Mode#REORDER}) or stand in for them
 * ({@link Mode#REPLACE}). Only message channels take part; letters, the call list and the
 * walled garden stay where the ISP put them.
 */
public record ChannelPreferences(List<Channel> channels, Mode mode) {

    /** How preferred channels combine with the ladder's. */
    public enum Mode {
        /** Preferred channels first, then the ladder's other message channels in its order. */
        REORDER,
        /** Only the preferred channels; later message steps beyond them use the last one. */
        REPLACE
    }

    /** Rejects channels that are not message channels and duplicates. */
    public ChannelPreferences {
        Objects.requireNonNull(mode, "mode");
        channels = List.copyOf(channels);
        for (Channel c : channels) {
            if (!c.isMessage()) {
                throw new IllegalArgumentException(c.code() + " is not a message channel a subscriber can prefer");
            }
        }
        if (channels.stream().distinct().count() != channels.size()) {
            throw new IllegalArgumentException("channel preferences list a channel twice: " + channels);
        }
    }

    /** No preference: the ladder's channels as they are. */
    public static ChannelPreferences none() {
        return new ChannelPreferences(List.of(), Mode.REORDER);
    }

    /**
     * The channel a step of the ladder goes out on. The i-th distinct message channel of the ladder
     * becomes the i-th channel of the combined order, so a ladder that repeats e-mail repeats the
     * substitute too. Preferred channels the subscriber has no address for are left out.
     */
    public Channel channelFor(Ladder ladder, LadderStep step, Contacts contacts) {
        List<Channel> preferred = channels.stream().filter(contacts::reaches).toList();
        if (!step.channel().isMessage() || preferred.isEmpty()) {
            return step.channel();
        }
        List<Channel> ladderOrder = ladder.messageChannels();
        int position = ladderOrder.indexOf(step.channel());
        if (mode == Mode.REPLACE) {
            return preferred.get(Math.min(position, preferred.size() - 1));
        }
        List<Channel> combined = new ArrayList<>(preferred);
        ladderOrder.stream().filter(c -> !combined.contains(c)).forEach(combined::add);
        return combined.get(position);
    }
}
