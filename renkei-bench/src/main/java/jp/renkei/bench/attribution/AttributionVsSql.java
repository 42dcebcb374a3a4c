package jp.renkei.bench.attribution;

import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.SplittableRandom;

import jp.renkei.bench.harness.LocalPostgres;
import jp.renkei.core.attribution.AttributionIndex;
import jp.renkei.core.attribution.AttributionPolicy;
import org.postgresql.PGConnection;

/**
 * Issue 4: the in-memory attribution index against PostgreSQL on the same sessions, in the same run.
 * Peers: the best indexed query asked once per lookup (btree on (ip, started_at); btree_gist on
 * (ip, period)) and a set-based query answering a whole batch in one statement (probes joined
 * LATERAL to the sessions). Also: bytes per session and building the index from the database.
 *
 * <pre>java -cp renkei-bench/target/renkei-bench.jar jp.renkei.bench.attribution.AttributionVsSql [sessions] [probes]</pre>
 */
public final class AttributionVsSql {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        SyntheticSessions data = SyntheticSessions.generate(sessions, 2026);
        Probes p = Probes.generate(data, probes, 7);
        System.out.printf("%,d sessions over %,d addresses; %,d probes%n", sessions, data.addresses, probes);

        // The index, built from memory first (for the lookup rate and the bytes per session).
        long heapBefore = usedHeap();
        AttributionIndex.Builder builder = AttributionIndex.builder(AttributionPolicy.STRICT);
        for (int i = 0; i < data.size; i++) {
            builder.addIpv4(data.address[i], data.from[i], data.to[i], SyntheticSessions.subscriberId(data.subscriber[i]),
                    "radius");
        }
        AttributionIndex index = builder.build();
        builder = null;
        long heapAfter = usedHeap();
        System.out.printf("index: %.1f bytes/session estimated, %.1f bytes/session measured (heap delta)%n",
                (double) index.estimatedBytes() / sessions, (double) (heapAfter - heapBefore) / sessions);
        int[] answers = new int[probes];
        double indexRate = indexLookupsPerSecond(index, p, answers);
        System.out.printf("index lookups, one core:            %,14.0f /s%n", indexRate);

        try (LocalPostgres db = LocalPostgres.create("renkei_bench_attr"); Connection c = db.connect()) {
            load(c, data);
            double buildSeconds = buildFromDatabase(c);
            System.out.printf("index built from the database in %.1f s%n", buildSeconds);
            double btree = perLookup(c, p, index, answers, """
                    select subscriber_id from peer.session where ip = ?::inet and started_at <= ?
                      and (stopped_at is null or stopped_at > ?) order by started_at desc limit 1""");
            System.out.printf("SQL per lookup, btree (ip, start):  %,14.0f /s%n", btree);
            double gist = perLookup(c, p, index, answers, """
                    select subscriber_id from peer.session where ip = ?::inet and period @> ?::timestamptz
                    order by started_at desc limit 1""");
            System.out.printf("SQL per lookup, gist (ip, period):  %,14.0f /s%n", gist);
            double batch = setBased(c, p);
            System.out.printf("SQL set-based batch (LATERAL):      %,14.0f /s%n", batch);
            double best = Math.max(btree, gist);
            System.out.printf("ratio index / best per-lookup SQL: %,.0f× (target ≥ 100×)%n", indexRate / best);
            System.out.printf("ratio index / set-based SQL:       %,.1f× (target ≥ 5×)%n", indexRate / batch);
        }
    }

    /** Probes: half inside some session, half anywhere in the month. */
    record Probes(int[] address, long[] at) {
        static Probes generate(SyntheticSessions data, int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] address = new int[n];
            long[] at = new long[n];
            for (int i = 0; i < n; i++) {
                if (random.nextBoolean()) {
                    int s = random.nextInt(data.size);
                    long end = data.to[s] == Long.MAX_VALUE ? data.from[s] + 86_400 : data.to[s];
                    address[i] = data.address[s];
                    at[i] = data.from[s] + random.nextLong(Math.max(1, end - data.from[s]));
                } else {
                    address[i] = 0x64400000 + random.nextInt(data.addresses);
                    at[i] = SyntheticSessions.START + random.nextLong(SyntheticSessions.DAYS * 86_400);
                }
            }
            return new Probes(address, at);
        }
    }

    private static double indexLookupsPerSecond(AttributionIndex index, Probes p, int[] out) {
        for (int warm = 0; warm < 5; warm++) {
            index.attributeIpv4(p.address(), p.at(), out);
        }
        int rounds = 20;
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            index.attributeIpv4(p.address(), p.at(), out);
        }
        return (double) rounds * p.address().length / ((System.nanoTime() - started) / 1e9);
    }

    private static void load(Connection c, SyntheticSessions data) throws Exception {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("create extension if not exists btree_gist");
            s.execute("create schema peer");
            s.execute("""
                    create table peer.session (ip inet not null, subscriber_id text not null,
                      started_at timestamptz not null, stopped_at timestamptz,
                      period tstzrange generated always as (tstzrange(started_at, stopped_at, '[)')) stored)""");
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        int chunk = 200_000;
        for (int from = 0; from < data.size; from += chunk) {
            StringBuilder rows = new StringBuilder(chunk * 60);
            for (int i = from; i < Math.min(data.size, from + chunk); i++) {
                rows.append(SyntheticSessions.ipText(data.address[i])).append(',')
                        .append(SyntheticSessions.subscriberId(data.subscriber[i])).append(',')
                        .append(Instant.ofEpochSecond(data.from[i])).append(',')
                        .append(data.to[i] == Long.MAX_VALUE ? "" : Instant.ofEpochSecond(data.to[i])).append('\n');
            }
            copyIn(copy, rows.toString());
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index session_btree on peer.session (ip, started_at)");
            s.execute("create index session_gist on peer.session using gist (ip inet_ops, period)");
            s.execute("analyze peer.session");
        }
        System.out.printf("loaded and indexed in PostgreSQL in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void copyIn(org.postgresql.copy.CopyManager copy, String rows) throws Exception {
        try (Reader in = new StringReader(rows)) {
            copy.copyIn("copy peer.session (ip, subscriber_id, started_at, stopped_at) from stdin with (format csv)", in);
        }
    }

    private static double buildFromDatabase(Connection c) throws Exception {
        long started = System.nanoTime();
        c.setAutoCommit(false);
        AttributionIndex.Builder builder = AttributionIndex.builder(AttributionPolicy.STRICT);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("""
                    select (ip - '0.0.0.0'::inet) as ip, subscriber_id, extract(epoch from started_at)::bigint,
                           coalesce(extract(epoch from stopped_at)::bigint, 9223372036854775807) from peer.session""")) {
                while (rs.next()) {
                    builder.addIpv4((int) rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getString(2), "radius");
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        AttributionIndex built = builder.build();
        if (built.size() == 0) {
            throw new IllegalStateException("nothing loaded");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Asks one query per probe; checks each answer against the index's while at it. */
    private static double perLookup(Connection c, Probes p, AttributionIndex index, int[] indexAnswers, String sql)
            throws Exception {
        int n = Math.min(20_000, p.address().length);
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int round = 0; round < 2; round++) { // the first round warms caches and plans
                long started = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    Timestamp at = Timestamp.from(Instant.ofEpochSecond(p.at()[i]));
                    q.setString(1, SyntheticSessions.ipText(p.address()[i]));
                    q.setTimestamp(2, at);
                    if (q.getParameterMetaData().getParameterCount() == 3) {
                        q.setTimestamp(3, at);
                    }
                    try (ResultSet rs = q.executeQuery()) {
                        String sqlAnswer = rs.next() ? rs.getString(1) : null;
                        String indexAnswer = indexAnswers[i] < 0 ? null : index.subscriberId(indexAnswers[i]);
                        if (!java.util.Objects.equals(sqlAnswer, indexAnswer)) {
                            throw new IllegalStateException("index and SQL disagree on probe " + i + ": "
                                    + indexAnswer + " vs " + sqlAnswer);
                        }
                    }
                }
                if (round == 1) {
                    return n / ((System.nanoTime() - started) / 1e9);
                }
            }
        }
        throw new IllegalStateException();
    }

    private static double setBased(Connection c, Probes p) throws Exception {
        int n = p.address().length;
        String[] ips = new String[n];
        Timestamp[] ats = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            ips[i] = SyntheticSessions.ipText(p.address()[i]);
            ats[i] = Timestamp.from(Instant.ofEpochSecond(p.at()[i]));
        }
        try (PreparedStatement q = c.prepareStatement("""
                select count(s.subscriber_id) from unnest(?::inet[], ?::timestamptz[]) as probe(ip, at)
                left join lateral (select subscriber_id from peer.session s
                    where s.ip = probe.ip and s.started_at <= probe.at
                      and (s.stopped_at is null or s.stopped_at > probe.at)
                    order by s.started_at desc limit 1) s on true""")) {
            Array ipArray = c.createArrayOf("text", ips);
            Array atArray = c.createArrayOf("timestamptz", ats);
            q.setArray(1, ipArray);
            q.setArray(2, atArray);
            double rate = 0;
            for (int round = 0; round < 2; round++) {
                long started = System.nanoTime();
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                }
                rate = n / ((System.nanoTime() - started) / 1e9);
            }
            return rate;
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
