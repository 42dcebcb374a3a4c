package jp.renkei.server.intake.feeds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.platform.SealedColumn;
import jp.renkei.server.platform.SecretBox;
import jp.renkei.server.platform.SecretColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feeds of each organisation: their definitions, and when and how their collectors last ran.
 * An IMAP password is stored sealed ({@link SecretBox}) and opened only to connect.
 */
@Service
public class FeedCatalogue implements SecretColumns {

    /** The IMAP password, sealed: the mailbox needs it in clear. */
    static final SealedColumn SECRET = new SealedColumn("feed", "secret");

    private static final TypeReference<LinkedHashMap<String, String>> SETTINGS = new TypeReference<>() {};

    /** Conditional-GET state of a URL feed. */
    public record HttpState(Optional<String> etag, Optional<String> lastModified) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Spool spool;
    private final SecretBox box;

    FeedCatalogue(JdbcClient jdbc, JsonMapper json, Spool spool, SecretBox box) {
        this.jdbc = jdbc;
        this.json = json;
        this.spool = spool;
        this.box = box;
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SECRET);
    }

    /** The organisation's feeds by name. */
    public List<Feed> list(long organisationId) {
        return jdbc.sql("select * from feed where organisation_id = ? order by name")
                .param(organisationId).query(this::feed).list();
    }

    /** One feed of the organisation; another organisation's feed is not found. */
    public Optional<Feed> find(long organisationId, String name) {
        return jdbc.sql("select * from feed where organisation_id = ? and name = ?")
                .params(organisationId, name).query(this::feed).optional();
    }

    /**
     * Creates or replaces a feed. A null secret keeps the stored one; a changed schedule takes
     * effect at once (the next run is due now). A directory feed's folder exists when this returns.
     *
     * @throws InvalidFeedException naming the first field that cannot be saved
     */
    public Feed save(long organisationId, String name, FeedDefinition definition) {
        FeedDefinition d = definition.validated();
        FeedDefinition.checkedName(name);
        jdbc.sql("""
                insert into feed (organisation_id, name, provider, format, report_type, mapping, source, schedule,
                    settings, secret, enabled, next_run_at)
                values (:org, :name, :provider, :format, :type, :mapping, :source, :schedule, cast(:settings as jsonb),
                    :secret, :enabled, now())
                on conflict (organisation_id, name) do update set provider = excluded.provider,
                    format = excluded.format, report_type = excluded.report_type, mapping = excluded.mapping,
                    source = excluded.source, schedule = excluded.schedule, settings = excluded.settings,
                    secret = case when :keepSecret then feed.secret else excluded.secret end,
                    enabled = excluded.enabled, next_run_at = now(),
                    http_etag = case when feed.settings = excluded.settings then feed.http_etag end,
                    http_last_modified = case when feed.settings = excluded.settings then feed.http_last_modified end""")
                .param("org", organisationId)
                .param("name", name)
                .param("provider", d.provider())
                .param("format", d.format())
                .param("type", d.reportType(), java.sql.Types.VARCHAR)
                .param("mapping", d.mapping(), java.sql.Types.VARCHAR)
                .param("source", d.source())
                .param("schedule", d.schedule())
                .param("settings", json.writeValueAsString(d.settings()))
                .param("secret", d.password() == null || d.password().isEmpty() ? null : box.seal(SECRET, d.password()),
                        java.sql.Types.VARCHAR)
                .param("keepSecret", d.password() == null)
                .param("enabled", d.enabled())
                .update();
        if (d.feedSource() == FeedSource.DIRECTORY) {
            try {
                java.nio.file.Files.createDirectories(spool.watched(organisationId, name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the feed's folder: " + e.getMessage(), e);
            }
        }
        return find(organisationId, name).orElseThrow();
    }

    /** Enabled feeds of every organisation whose collector is due: folders on every tick, others by schedule. */
    public List<Feed> due(Instant now) {
        return jdbc.sql("""
                select * from feed where enabled and source in ('directory', 'imap', 'url')
                  and (source = 'directory' or next_run_at is null or next_run_at <= ?)
                order by organisation_id, name""")
                .param(Timestamp.from(now)).query(this::feed).list();
    }

    /** Records a collector run and when the next one is due. */
    public void recordRun(Feed feed, Instant at, boolean ok, String detail) {
        jdbc.sql("""
                update feed set last_run_at = ?, last_status = ?, last_detail = ?, next_run_at = ?
                where organisation_id = ? and name = ?""")
                .params(Timestamp.from(at), ok ? "ok" : "error", detail, Timestamp.from(nextRun(feed.schedule(), at)),
                        feed.organisationId(), feed.name())
                .update();
    }

    /**
     * The stored IMAP password, opened.
     *
     * @throws SecretBox.UnreadableSecretException naming the feed when it was sealed with another key
     */
    public Optional<String> secret(Feed feed) {
        Optional<String> stored = jdbc.sql("select secret from feed where organisation_id = ? and name = ?")
                .params(feed.organisationId(), feed.name()).query(String.class).optional();
        try {
            return stored.map(s -> box.open(SECRET, s));
        } catch (SecretBox.UnreadableSecretException e) {
            throw new SecretBox.UnreadableSecretException("feed '" + feed.name() + "': " + e.getMessage());
        }
    }

    public HttpState httpState(Feed feed) {
        return jdbc.sql("select http_etag, http_last_modified from feed where organisation_id = ? and name = ?")
                .params(feed.organisationId(), feed.name())
                .query((rs, i) -> new HttpState(Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2))))
                .single();
    }

    /** Remembers the validators of the last file taken from a URL; called only once that file is spooled. */
    public void saveHttpState(Feed feed, HttpState state) {
        jdbc.sql("update feed set http_etag = ?, http_last_modified = ? where organisation_id = ? and name = ?")
                .params(state.etag().orElse(null), state.lastModified().orElse(null), feed.organisationId(), feed.name())
                .update();
    }

    static Instant nextRun(String schedule, Instant after) {
        if (schedule.isBlank()) {
            return after;
        }
        if (schedule.startsWith("P") || schedule.startsWith("p")) {
            return after.plus(Duration.parse(schedule));
        }
        var next = CronExpression.parse(schedule).next(after.atZone(ZoneOffset.UTC));
        return next == null ? after.plus(Duration.ofDays(3650)) : next.toInstant();
    }

    private Feed feed(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_run_at");
        Map<String, String> settings = json.readValue(rs.getString("settings"), SETTINGS);
        return new Feed(rs.getLong("organisation_id"), rs.getString("name"), rs.getString("provider"),
                rs.getString("format"), Optional.ofNullable(rs.getString("report_type")),
                Optional.ofNullable(rs.getString("mapping")), FeedSource.fromCode(rs.getString("source")),
                rs.getString("schedule"), settings, rs.getString("secret") != null, rs.getBoolean("enabled"),
                Optional.ofNullable(last).map(Timestamp::toInstant), Optional.ofNullable(rs.getString("last_status")),
                rs.getString("last_detail"));
    }
}
