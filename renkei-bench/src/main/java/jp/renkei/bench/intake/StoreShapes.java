package jp.renkei.bench.intake;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.renkei.bench.harness.LocalPostgres;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.RecordReader;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.ObservationReaders;
import org.postgresql.PGConnection;

/**
 * What storing observations costs PostgreSQL, whatever program writes them: issue 3 asks the whole
 * import for half the throughput of a plain {@code COPY} of the report's rows, so this measures how
 * close any store of those rows can come. The report is parsed once with Renkei's own reader; its
 * normalised rows are then {@code COPY}ed — no Java in the timed part, nothing but PostgreSQL
 * writing — into tables that add, one at a time, what an observation store needs: a key to refer
 * to each observation, the fingerprint's unique index that makes re-imports idempotent, the
 * (organisation, time) index behind every search and the dashboard, the same-device index behind
 * cross-feed linking and search by address, and the evidence. A last shape copies without any
 * index and builds them afterwards, PostgreSQL's fastest way to load an indexed table.
 *
 * <pre>java -cp renkei-bench/target/renkei-bench.jar jp.renkei.bench.intake.StoreShapes [rows] [rounds]</pre>
 */
public final class StoreShapes {

    private static final String NORMALISED = """
            organisation_id bigint not null, fingerprint text not null, report_type text not null,
            line bigint not null, source_time timestamptz not null, ip inet not null, port integer,
            transport text not null, kind text not null, severity text, device_vendor text, device_model text""";
    private static final String COLUMNS = "organisation_id, fingerprint, report_type, line, source_time, ip, port, "
            + "transport, kind, severity, device_vendor, device_model";
    private static final String ID = "id bigint generated always as identity, ";
    private static final String PRIMARY_KEY = "id bigint generated always as identity primary key, ";
    private static final String FINGERPRINT = "create unique index on %s (organisation_id, fingerprint)";
    private static final String TIME = "create index on %s (organisation_id, source_time desc)";
    private static final String SAME_DEVICE = "create index on %s (organisation_id, ip, kind, source_time)";

    /** Which rows a shape loads: normalised, normalised with a 128-bit fingerprint, or with the evidence. */
    private enum Rows { NORMALISED, COMPACT, EVIDENCE }

    /** One table layout: its columns, the indexes made before the COPY, those built after it. */
    private record Shape(String name, String columns, Rows rows, List<String> before, List<String> after) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape("normalised columns, no key, no index", NORMALISED, Rows.NORMALISED, List.of(), List.of()),
            new Shape("+ identity primary key", PRIMARY_KEY + NORMALISED, Rows.NORMALISED, List.of(), List.of()),
            new Shape("+ unique fingerprint (deduplication)", PRIMARY_KEY + NORMALISED, Rows.NORMALISED,
                    List.of(FINGERPRINT), List.of()),
            new Shape("  the same with a 128-bit fingerprint (uuid)",
                    PRIMARY_KEY + NORMALISED.replace("fingerprint text", "fingerprint uuid"), Rows.COMPACT,
                    List.of(FINGERPRINT), List.of()),
            new Shape("+ (organisation, time) index", PRIMARY_KEY + NORMALISED, Rows.NORMALISED,
                    List.of(FINGERPRINT, TIME), List.of()),
            new Shape("+ same-device index (address, kind, time)", PRIMARY_KEY + NORMALISED, Rows.NORMALISED,
                    List.of(FINGERPRINT, TIME, SAME_DEVICE), List.of()),
            new Shape("+ evidence (the raw record, jsonb)", PRIMARY_KEY + NORMALISED + ", evidence jsonb not null",
                    Rows.EVIDENCE, List.of(FINGERPRINT, TIME, SAME_DEVICE), List.of()),
            new Shape("the same, indexes built after the COPY", ID + NORMALISED + ", evidence jsonb not null",
                    Rows.EVIDENCE, List.of(),
                    List.of("alter table %s add primary key (id)", FINGERPRINT, TIME, SAME_DEVICE)));

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreShapes() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Instant day = Instant.parse("2026-11-22T00:00:00Z");
        Path dir = Files.createTempDirectory("renkei-store-shapes");
        Path csv = dir.resolve(ShadowserverRows.fileName(day));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
            ShadowserverRows.write(out, rows, 7, day);
        }
        Path normalised = dir.resolve("normalised.csv");
        Path compact = dir.resolve("compact.csv");
        Path withEvidence = dir.resolve("with-evidence.csv");
        Map<Rows, Path> files = Map.of(Rows.NORMALISED, normalised, Rows.COMPACT, compact, Rows.EVIDENCE, withEvidence);
        long parsed = normalise(csv, files);
        System.out.printf("%,d rows: report %,d bytes, normalised %,d bytes, with evidence %,d bytes%n", parsed,
                Files.size(csv), Files.size(normalised), Files.size(withEvidence));

        double[] plain = new double[rounds];
        double[][] seconds = new double[SHAPES.size()][rounds];
        try (LocalPostgres db = LocalPostgres.create("renkei_bench_shapes"); Connection c = db.connect()) {
            // Rounds interleave the shapes, so a burst of load elsewhere on the machine hits all of them.
            for (int r = 0; r < rounds; r++) {
                plain[r] = copyPlain(c, csv);
                for (int s = 0; s < SHAPES.size(); s++) {
                    Shape shape = SHAPES.get(s);
                    seconds[s][r] = copy(c, shape, files.get(shape.rows()));
                }
            }
        } finally {
            for (Path p : List.of(csv, normalised, compact, withEvidence, dir)) {
                Files.deleteIfExists(p);
            }
        }
        double peer = median(plain);
        System.out.printf("%n| table | rows/s (median of %d) | of plain COPY |%n|---|---|---|%n", rounds);
        System.out.printf("| peer: the report's rows, plain table | %,.0f | 1.00 |%n", rows / peer);
        for (int s = 0; s < SHAPES.size(); s++) {
            double t = median(seconds[s]);
            System.out.printf("| %s | %,.0f | %.2f |%n", SHAPES.get(s).name(), parsed / t, peer / t * parsed / rows);
        }
    }

    /** Parses the report with Renkei's reader into each kind of COPY rows. */
    private static long normalise(Path csv, Map<Rows, Path> files) throws Exception {
        long n = 0;
        try (InputStream in = Files.newInputStream(csv);
                RecordReader<ObservationDraft> reader = ObservationReaders.open(ObservationReaders.SHADOWSERVER, in,
                        csv.getFileName().toString(), Optional.empty(), Optional.empty());
                Writer plain = Files.newBufferedWriter(files.get(Rows.NORMALISED), StandardCharsets.UTF_8);
                Writer compact = Files.newBufferedWriter(files.get(Rows.COMPACT), StandardCharsets.UTF_8);
                Writer full = Files.newBufferedWriter(files.get(Rows.EVIDENCE), StandardCharsets.UTF_8)) {
            StringBuilder row = new StringBuilder(512);
            while (reader.hasNext()) {
                if (!(reader.next() instanceof Parsed.Row<ObservationDraft> parsed)) {
                    continue;
                }
                ObservationDraft d = parsed.value();
                row.setLength(0);
                for (Object v : Arrays.asList(1, d.fingerprint(), d.reportType(), d.line(), d.sourceTime(), d.ip(),
                        d.port().isPresent() ? d.port().getAsInt() : null, d.transport(), d.kind().code(),
                        d.severity().map(Enum::name).orElse(null), d.deviceVendor().orElse(null),
                        d.deviceModel().orElse(null))) {
                    quoted(row, v).append(',');
                }
                row.setLength(row.length() - 1);
                plain.append(row).append('\n');
                // A uuid's text form is 32 hex digits: the first half of the SHA-256 fingerprint.
                compact.append(row.toString().replace(d.fingerprint(), d.fingerprint().substring(0, 32))).append('\n');
                full.append(row).append(',');
                quoted(full, JSON.writeValueAsString(d.evidence())).append('\n');
                n++;
            }
        }
        return n;
    }

    private static double copyPlain(Connection c, Path csv) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists plain_report");
            s.execute("""
                    create table plain_report (timestamp timestamptz, severity text, ip inet, protocol text,
                      port integer, hostname text, tag text, asn bigint, geo text, region text, city text,
                      naics text, hostname_source text, sector text, banner text)""");
        }
        return timedCopy(c, "copy plain_report from stdin with (format csv, header true)", csv, List.of());
    }

    private static double copy(Connection c, Shape shape, Path rows) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists shape");
            s.execute("create table shape (" + shape.columns() + ")");
            for (String index : shape.before()) {
                s.execute(index.formatted("shape"));
            }
        }
        String columns = COLUMNS + (shape.rows() == Rows.EVIDENCE ? ", evidence" : "");
        return timedCopy(c, "copy shape (" + columns + ") from stdin with (format csv)", rows, shape.after());
    }

    /** The COPY and any index builds after it, as one committed load. */
    private static double timedCopy(Connection c, String copy, Path rows, List<String> after) throws Exception {
        long started = System.nanoTime();
        try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in);
        }
        try (Statement s = c.createStatement()) {
            for (String index : after) {
                s.execute(index.formatted("shape"));
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static <A extends Appendable> A quoted(A out, Object value) throws java.io.IOException {
        if (value == null) {
            return out;
        }
        String s = value.toString();
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        out.append('"');
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
