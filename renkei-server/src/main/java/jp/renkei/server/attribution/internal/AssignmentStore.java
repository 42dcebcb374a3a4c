package jp.renkei.server.attribution.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.PortRange;
import jp.renkei.core.net.IpAddresses;
import jp.renkei.core.attribution.SessionFragment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignment table: session upserts, NAS restarts, and candidate lookups, always per organisation. */
@Repository
public class AssignmentStore {

    /** An assignment with the id of its row. */
    public record StoredAssignment(long id, Assignment assignment) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AssignmentStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * One row to upsert: a session's address or prefix, a lease, a port block. {@code held} is an
     * address or {@code network/length}; {@code key} identifies the row within the organisation.
     */
    public record Row(String key, String subscriberId, String held, String nas, Instant start, Optional<Instant> stop,
                      Instant lastSeen, String source, PortRange ports, String line) {}

    /** A session's rows: its address (plain key) and each IPv6 prefix ({@code key#prefix}). */
    public static List<Row> rowsOf(SessionFragment f, String source) {
        List<Row> rows = new java.util.ArrayList<>(1 + f.ipv6Prefixes().size());
        if (!f.ip().isEmpty()) {
            rows.add(new Row(f.sessionKey(), f.subscriberId(), f.ip(), f.nas(), f.start(), f.stop(), f.lastSeen(),
                    source, PortRange.ALL, f.accessLine()));
        }
        for (String prefix : f.ipv6Prefixes()) {
            rows.add(new Row(f.sessionKey() + "#" + prefix, f.subscriberId(), prefix, f.nas(), f.start(), f.stop(),
                    f.lastSeen(), source, PortRange.ALL, f.accessLine()));
        }
        return rows;
    }

    /**
     * The row of an imported assignment (a lease, a port block), keyed by what it held, who
     * held it and since when, so importing the same log again merges into the same row.
     */
    public static Row rowOf(Assignment a, String source) {
        String held = a.prefixLength() == (a.ip().indexOf(':') >= 0 ? 128 : 32) ? a.ip() : a.prefix().toString();
        String key = kindOf(source) + "/" + held + "/" + a.ports() + "/" + a.subscriberId() + "/" + a.from();
        return new Row(key, a.subscriberId(), held, "", a.from(), a.to(), a.to().orElse(a.from()), source, a.ports(),
                a.line());
    }

    /** {@link #upsertRows} for one session fragment; true when any of its rows was inserted or changed. */
    public boolean upsert(long organisationId, SessionFragment f, String source) {
        boolean changed = false;
        for (boolean c : upsertRows(organisationId, rowsOf(f, source))) {
            changed |= c;
        }
        return changed;
    }

    /**
     * Inserts each row, or merges it into the stored one of the same key (earliest start, latest
     * stop, latest last-seen), in one JDBC batch. Returns, per row, whether it was inserted or
     * changed; false when it already said this.
     */
    public boolean[] upsertRows(long organisationId, List<Row> rows) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        // One statement over arrays: planned once, one round trip, whatever the batch size. Rows
        // sharing a key are merged first, since one statement may not update a row twice.
        java.util.Map<String, Row> byKey = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            byKey.merge(r.key(), r, AssignmentStore::merge);
        }
        List<Row> unique = List.copyOf(byKey.values());
        int n = unique.size();
        String[] keys = new String[n];
        String[] subscribers = new String[n];
        String[] held = new String[n];
        String[] nases = new String[n];
        Long[] starts = new Long[n];
        Long[] stops = new Long[n];
        Long[] seen = new Long[n];
        String[] sources = new String[n];
        String[] kinds = new String[n];
        Integer[] firsts = new Integer[n];
        Integer[] lasts = new Integer[n];
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            Row r = unique.get(i);
            keys[i] = r.key();
            subscribers[i] = r.subscriberId();
            held[i] = r.held();
            nases[i] = r.nas();
            starts[i] = micros(r.start());
            stops[i] = r.stop().map(AssignmentStore::micros).orElse(null);
            seen[i] = micros(r.lastSeen());
            sources[i] = r.source();
            kinds[i] = kindOf(r.source());
            firsts[i] = r.ports().first();
            lasts[i] = r.ports().last();
            lines[i] = r.line();
        }
        java.util.Set<String> changedKeys = new java.util.HashSet<>(jdbcTemplate.execute(
                (java.sql.Connection c) -> {
                    try (java.sql.PreparedStatement ps = c.prepareStatement("""
                            insert into assignment (organisation_id, session_key, subscriber_id, ip, nas, started_at,
                                stopped_at, last_seen_at, source, source_kind, port_first, port_last, line)
                            select ?, k, s, cast(h as inet), n, timestamptz 'epoch' + st * interval '1 microsecond',
                                timestamptz 'epoch' + sp * interval '1 microsecond',
                                timestamptz 'epoch' + ls * interval '1 microsecond', so, ki, pf, pl, li
                            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                        ?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[])
                                 as u(k, s, h, n, st, sp, ls, so, ki, pf, pl, li)
                            on conflict (organisation_id, session_key) do update
                            set started_at = least(assignment.started_at, excluded.started_at),
                                stopped_at = greatest(assignment.stopped_at, excluded.stopped_at),
                                last_seen_at = greatest(assignment.last_seen_at, excluded.last_seen_at),
                                line = case when assignment.line = '' then excluded.line else assignment.line end
                            where (assignment.started_at, assignment.stopped_at, assignment.last_seen_at, assignment.line)
                                  is distinct from
                                  (least(assignment.started_at, excluded.started_at),
                                   greatest(assignment.stopped_at, excluded.stopped_at),
                                   greatest(assignment.last_seen_at, excluded.last_seen_at),
                                   case when assignment.line = '' then excluded.line else assignment.line end)
                            returning session_key""")) {
                        ps.setLong(1, organisationId);
                        ps.setArray(2, c.createArrayOf("text", keys));
                        ps.setArray(3, c.createArrayOf("text", subscribers));
                        ps.setArray(4, c.createArrayOf("text", held));
                        ps.setArray(5, c.createArrayOf("text", nases));
                        ps.setArray(6, c.createArrayOf("int8", starts));
                        ps.setArray(7, c.createArrayOf("int8", stops));
                        ps.setArray(8, c.createArrayOf("int8", seen));
                        ps.setArray(9, c.createArrayOf("text", sources));
                        ps.setArray(10, c.createArrayOf("text", kinds));
                        ps.setArray(11, c.createArrayOf("int4", firsts));
                        ps.setArray(12, c.createArrayOf("int4", lasts));
                        ps.setArray(13, c.createArrayOf("text", lines));
                        List<String> returned = new java.util.ArrayList<>();
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                returned.add(rs.getString(1));
                            }
                        }
                        return returned;
                    }
                }));
        boolean[] changed = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            changed[i] = changedKeys.contains(rows.get(i).key());
        }
        return changed;
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static Row merge(Row a, Row b) {
        Optional<Instant> stop = a.stop().isEmpty() ? b.stop() : b.stop().isEmpty() ? a.stop()
                : Optional.of(a.stop().get().isAfter(b.stop().get()) ? a.stop().get() : b.stop().get());
        return new Row(a.key(), a.subscriberId(), a.held(), a.nas(), a.start().isBefore(b.start()) ? a.start() : b.start(),
                stop, a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.source(), a.ports(),
                a.line().isEmpty() ? b.line() : a.line());
    }

    /** The source kind (retention is per kind): the part of the source before its first colon. */
    public static String kindOf(String source) {
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** Remembers an Accounting-On/Off; false when it was already known. */
    public boolean recordRestart(long organisationId, AccountingRecord restart) {
        return jdbc.sql("""
                insert into nas_restart (organisation_id, nas, at, status) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(organisationId, restart.nas(), utc(restart.eventTime()), restart.status().dictionaryName())
                .update() == 1;
    }

    /**
     * Closes the open sessions of these NASes at the first restart after they were last seen
     * (which is also after they started): a rebooting NAS forgets its sessions without Stops.
     * Returns how many sessions were closed.
     */
    public int closeSessionsEndedByRestarts(long organisationId, Collection<String> nases) {
        if (nases.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                with ends as (
                    select a.id, (select min(r.at) from nas_restart r
                                  where r.organisation_id = a.organisation_id and r.nas = a.nas
                                    and r.at > a.last_seen_at) as at
                    from assignment a
                    where a.organisation_id = ? and a.stopped_at is null and a.nas = any(?)
                )
                update assignment a set stopped_at = ends.at
                from ends where a.id = ends.id and ends.at is not null""")
                .params(organisationId, nases.toArray(String[]::new))
                .update();
    }

    /** The organisation's assignments of this (canonical) IP that cover the instant. */
    public List<StoredAssignment> covering(long organisationId, String ip, Instant at) {
        return near(organisationId, ip, OptionalInt.empty(), at, java.time.Duration.ZERO).stream()
                .filter(s -> s.assignment().covers(at)).toList();
    }

    /**
     * The organisation's assignments of this (canonical) address — the address itself or a prefix
     * containing it — holding {@code port} when given, whose period comes within {@code tolerance}
     * of the instant.
     */
    public List<StoredAssignment> near(long organisationId, String ip, OptionalInt port, Instant at,
            java.time.Duration tolerance) {
        OffsetDateTime latestStart = utc(at.plus(tolerance));
        OffsetDateTime earliestStop = utc(at.minus(tolerance));
        String columns = """
                select id, subscriber_id, host(ip) as ip, masklen(ip) as len, started_at, stopped_at, source,
                    port_first, port_last, line
                from assignment where organisation_id = :org and %s
                  and started_at <= :latestStart and (stopped_at is null or stopped_at > :earliestStop)
                  and (cast(:port as integer) is null or cast(:port as integer) between port_first and port_last)""";
        String sql = columns.formatted("ip = cast(:ip as inet)") + "\nunion all\n" + columns.formatted("""
                ((family(ip) = 4 and masklen(ip) < 32) or (family(ip) = 6 and masklen(ip) < 128))
                  and ip >> cast(:ip as inet)""");
        return jdbc.sql(sql)
                .param("org", organisationId)
                .param("ip", ip)
                .param("latestStart", latestStart)
                .param("earliestStop", earliestStop)
                .param("port", port.isPresent() ? port.getAsInt() : null, java.sql.Types.INTEGER)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** The organisation's assignments held by the subscriber at the instant (open sessions included). */
    public List<StoredAssignment> heldBy(long organisationId, String subscriberId, Instant at) {
        return jdbc.sql("""
                select id, subscriber_id, host(ip) as ip, masklen(ip) as len, started_at, stopped_at, source,
                    port_first, port_last, line
                from assignment where organisation_id = ? and subscriber_id = ?
                  and started_at <= ? and (stopped_at is null or stopped_at > ?)
                order by started_at desc, id desc""")
                .params(organisationId, subscriberId, utc(at), utc(at))
                .query((rs, i) -> row(rs))
                .list();
    }

    /** One row as a core assignment: address or prefix, port block, access line. */
    static StoredAssignment row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredAssignment(rs.getLong("id"), new Assignment(rs.getString("subscriber_id"),
                IpAddresses.canonical(rs.getString("ip")), rs.getInt("len"),
                new PortRange(rs.getInt("port_first"), rs.getInt("port_last")),
                rs.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("stopped_at")).map(java.sql.Timestamp::toInstant),
                rs.getString("source"), rs.getString("line")));
    }

    /** The stored row of an assignment an index answered with (same address or prefix, start, holder, ports). */
    public Optional<StoredAssignment> find(long organisationId, Assignment a) {
        String held = a.prefixLength() == (a.ip().indexOf(':') >= 0 ? 128 : 32) ? a.ip() : a.prefix().toString();
        return jdbc.sql("""
                select id, subscriber_id, host(ip) as ip, masklen(ip) as len, started_at, stopped_at, source,
                    port_first, port_last, line
                from assignment where organisation_id = ? and ip = cast(? as inet) and started_at = ?
                  and subscriber_id = ? and port_first = ? and port_last = ?
                order by id limit 1""")
                .params(organisationId, held, utc(a.from()), a.subscriberId(), a.ports().first(), a.ports().last())
                .query((rs, i) -> row(rs)).optional();
    }

    /** Organisations that have assignments (indexes to build at startup). */
    public List<Long> organisations() {
        return jdbc.sql("select id from organisation o where exists (select 1 from assignment a where a.organisation_id = o.id)")
                .query(Long.class).list();
    }

    /**
     * Streams every assignment of the organisation to {@code sink}, with its source kind as the
     * source (an index keeps few distinct sources). Call inside a transaction so PostgreSQL uses
     * a cursor and memory stays bounded.
     */
    public void forEach(long organisationId, java.util.function.Consumer<Assignment> sink) {
        JdbcTemplate streaming = new JdbcTemplate(java.util.Objects.requireNonNull(jdbcTemplate.getDataSource()));
        streaming.setFetchSize(10_000);
        streaming.query("""
                select host(ip) as ip, masklen(ip) as len, subscriber_id, started_at, stopped_at, source_kind,
                    port_first, port_last, line
                from assignment where organisation_id = ?""",
                rs -> {
                    sink.accept(new Assignment(rs.getString("subscriber_id"), IpAddresses.canonical(rs.getString("ip")),
                            rs.getInt("len"), new PortRange(rs.getInt("port_first"), rs.getInt("port_last")),
                            rs.getTimestamp("started_at").toInstant(),
                            Optional.ofNullable(rs.getTimestamp("stopped_at")).map(java.sql.Timestamp::toInstant),
                            rs.getString("source_kind"), rs.getString("line")));
                }, organisationId);
    }

    /**
     * Deletes the organisation's closed assignments of this source kind that stopped before
     * {@code before} (its logs are no longer kept). Returns how many.
     */
    public int purge(long organisationId, String kind, Instant before) {
        return jdbc.sql("""
                delete from assignment a where a.organisation_id = ? and a.source_kind = ? and a.stopped_at < ?
                  and not exists (select 1 from observation o where o.assignment_id = a.id)""")
                .params(organisationId, kind, utc(before)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
