package jp.renkei.server.subscribers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.ChannelPreferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channels a subscriber chose in the portal (many read LINE or SMS rather than carrier mail).
 * Preferences say nothing about who the subscriber is, so reading them is not an identity read.
 */
@Service
public class SubscriberPreferences {

    private final JdbcClient jdbc;

    SubscriberPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The subscriber's preferences; {@link ChannelPreferences#none()} when they set none. */
    public ChannelPreferences preferences(long organisationId, String subscriberId) {
        return jdbc.sql("""
                select channels, mode from subscriber_channel_preference
                where organisation_id = ? and subscriber_id = ?""")
                .params(organisationId, subscriberId)
                .query((rs, i) -> new ChannelPreferences(channels(rs.getString("channels")),
                        ChannelPreferences.Mode.valueOf(rs.getString("mode").toUpperCase(java.util.Locale.ROOT))))
                .optional()
                .orElse(ChannelPreferences.none());
    }

    /** Replaces the subscriber's preferences; an empty list removes them. */
    @Transactional
    public void set(long organisationId, String subscriberId, ChannelPreferences preferences, Instant at) {
        if (preferences.channels().isEmpty()) {
            jdbc.sql("delete from subscriber_channel_preference where organisation_id = ? and subscriber_id = ?")
                    .params(organisationId, subscriberId)
                    .update();
            return;
        }
        String codes = String.join(",", preferences.channels().stream().map(Channel::code).toList());
        jdbc.sql("""
                insert into subscriber_channel_preference (organisation_id, subscriber_id, channels, mode, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (organisation_id, subscriber_id) do update
                set channels = excluded.channels, mode = excluded.mode, updated_at = excluded.updated_at""")
                .params(organisationId, subscriberId, codes,
                        preferences.mode().name().toLowerCase(java.util.Locale.ROOT), Timestamp.from(at))
                .update();
    }

    private static List<Channel> channels(String codes) {
        return Arrays.stream(codes.split(","))
                .map(c -> Channel.fromCode(c).orElseThrow(() -> new IllegalStateException("stored channel '" + c + "'")))
                .toList();
    }
}
