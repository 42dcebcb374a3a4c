package jp.renkei.server.intake.feeds;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.platform.ImportAlarm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The health of each feed of an organisation: last import, totals, alarms, errors. */
@Service
public class FeedOverview {

    private static final TypeReference<List<ImportAlarm>> ALARMS = new TypeReference<>() {};

    private record Totals(long files, long accepted, long duplicates, long rejected, Optional<Timestamp> lastImport) {}

    private record Latest(String state, String detail, List<ImportAlarm> alarms) {}

    private final FeedCatalogue feeds;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedOverview(FeedCatalogue feeds, JdbcClient jdbc, JsonMapper json) {
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every feed of the organisation with its health, by name. */
    public List<FeedHealth> all(long organisationId) {
        Map<String, Totals> totals = totals(organisationId);
        Map<String, Latest> latest = latest(organisationId);
        List<Feed> all = new java.util.ArrayList<>(feeds.list(organisationId));
        // Files taken in under a name no feed is configured for (uploads without a feed) are shown too.
        java.util.Set<String> configured = all.stream().map(Feed::name).collect(java.util.stream.Collectors.toSet());
        totals.keySet().stream().filter(n -> !configured.contains(n)).sorted().forEach(n -> all.add(new Feed(
                organisationId, n, "", "", Optional.empty(), Optional.empty(), FeedSource.UPLOAD, "", Map.of(), false,
                true, Optional.empty(), Optional.empty(), "")));
        return all.stream().map(f -> health(f, totals.get(f.name()), latest.get(f.name()))).toList();
    }

    /** One feed's health. */
    public Optional<FeedHealth> one(long organisationId, String name) {
        return all(organisationId).stream().filter(h -> h.feed().name().equals(name)).findFirst();
    }

    private static FeedHealth health(Feed feed, Totals t, Latest last) {
        Totals totals = t == null ? new Totals(0, 0, 0, 0, Optional.empty()) : t;
        String status;
        String detail = "";
        if (feed.lastStatus().filter("error"::equals).isPresent()) {
            status = "error";
            detail = feed.lastDetail();
        } else if (last != null && last.state().equals(Delivery.FAILED)) {
            status = "error";
            detail = last.detail();
        } else if (last != null && !last.alarms().isEmpty()) {
            status = "alarm";
        } else if (last == null && feed.lastStatus().isEmpty()) {
            status = "idle";
        } else {
            status = "ok";
        }
        return new FeedHealth(feed, status, totals.lastImport().map(Timestamp::toInstant), totals.files(),
                totals.accepted(), totals.duplicates(), totals.rejected(),
                last == null ? List.of() : last.alarms(), detail);
    }

    private Map<String, Totals> totals(long organisationId) {
        Map<String, Totals> byFeed = new HashMap<>();
        jdbc.sql("""
                select d.feed_name, count(*) as files,
                    coalesce(sum(r.accepted) filter (where d.state = 'imported'), 0) as accepted,
                    coalesce(sum(r.duplicates) filter (where d.state = 'imported'), 0) as duplicates,
                    coalesce(sum(r.rejected_count) filter (where d.state = 'imported'), 0) as rejected,
                    max(r.finished_at) filter (where d.state = 'imported') as last_import
                from feed_delivery d
                left join import_run r on r.id = d.import_run_id and r.organisation_id = d.organisation_id
                where d.organisation_id = ? group by d.feed_name""")
                .param(organisationId)
                .query(rs -> {
                    byFeed.put(rs.getString("feed_name"), new Totals(rs.getLong("files"), rs.getLong("accepted"),
                            rs.getLong("duplicates"), rs.getLong("rejected"),
                            Optional.ofNullable(rs.getTimestamp("last_import"))));
                });
        return byFeed;
    }

    private Map<String, Latest> latest(long organisationId) {
        Map<String, Latest> byFeed = new HashMap<>();
        jdbc.sql("""
                select distinct on (d.feed_name) d.feed_name, d.state, d.detail, coalesce(r.alarms, '[]'::jsonb) as alarms
                from feed_delivery d
                left join import_run r on r.id = d.import_run_id and r.organisation_id = d.organisation_id
                where d.organisation_id = ? and d.state in ('imported', 'duplicate', 'failed')
                order by d.feed_name, d.finished_at desc, d.id desc""")
                .param(organisationId)
                .query(rs -> {
                    byFeed.put(rs.getString("feed_name"), new Latest(rs.getString("state"), rs.getString("detail"),
                            json.readValue(rs.getString("alarms"), ALARMS)));
                });
        return byFeed;
    }
}
