package jp.renkei.bench.intake;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jp.renkei.bench.harness.LocalPostgres;
import jp.renkei.bench.harness.ServerProcess;
import org.postgresql.PGConnection;

/**
 * Issue 3: end-to-end import (upload, parse, normalise, deduplicate, attribute, store) against
 * PostgreSQL's own COPY of the same rows into a plain table, in the same run on the same server.
 * Target: Renkei ≥ 0.5 × COPY. The server runs with a capped heap (default 256 MB) to show a large
 * file streams through in bounded memory.
 *
 * <pre>java -cp renkei-bench/target/renkei-bench.jar jp.renkei.bench.intake.ImportVsCopy [rows] [heap]</pre>
 */
public final class ImportVsCopy {

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "256m";
        Path jar = Path.of(System.getProperty("renkei.server.jar", "renkei-server/target/renkei-server.jar"));
        Instant day = Instant.parse("2026-11-22T00:00:00Z");
        Path file = Files.createTempDirectory("renkei-bench").resolve(ShadowserverRows.fileName(day));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ShadowserverRows.write(out, rows, 7, day);
        }
        System.out.printf("file: %s, %,d rows, %,d bytes%n", file, rows, Files.size(file));

        try (LocalPostgres db = LocalPostgres.create("renkei_bench_import")) {
            double copySeconds = copyIntoPlainTable(db, file);
            String token = "rk_bench_" + UUID.randomUUID();
            double importSeconds;
            long accepted;
            try (ServerProcess server = ServerProcess.start(jar, heap, Map.of(
                    "RENKEI_DB_URL", db.jdbcUrl(), "RENKEI_DB_USER", "postgres",
                    "RENKEI_BOOTSTRAP_TOKEN", token, "RENKEI_OUTBOX_ENABLED", "false",
                    "RENKEI_MAX_UPLOAD", "16GB"))) {
                long started = System.nanoTime();
                String answer = upload(server.baseUrl(), token, file);
                importSeconds = (System.nanoTime() - started) / 1e9;
                accepted = Long.parseLong(answer.replaceAll(".*\"accepted\":(\\d+).*", "$1"));
                if (!server.isAlive()) {
                    throw new IllegalStateException("server died (out of memory?)");
                }
            }
            double floorSeconds = copyStoredRowsBackIn(db);
            System.out.printf("PostgreSQL COPY into a plain table: %8.1f s  %,12.0f rows/s%n", copySeconds,
                    rows / copySeconds);
            System.out.printf("Renkei import (heap %s):           %8.1f s  %,12.0f rows/s  (%,d accepted)%n", heap,
                    importSeconds, rows / importSeconds, accepted);
            System.out.printf("COPY of Renkei's stored rows into a table with observation's indexes: %8.1f s  %,12.0f rows/s%n",
                    floorSeconds, accepted / floorSeconds);
            System.out.printf("ratio Renkei / COPY: %.2f (target ≥ 0.50)%n", copySeconds / importSeconds);
            System.out.printf("ratio stored-rows COPY / plain COPY: %.2f (what storing alone allows)%n",
                    copySeconds / floorSeconds * rows / accepted);
            System.out.printf("ratio Renkei / stored-rows COPY: %.2f (the import against what storing alone costs)%n",
                    floorSeconds / importSeconds * rows / accepted);
        }
    }

    private static double copyIntoPlainTable(LocalPostgres db, Path file) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute("""
                    create schema peer;
                    create table peer.plain_scan_telnet (timestamp timestamptz, severity text, ip inet, protocol text,
                      port integer, hostname text, tag text, asn bigint, geo text, region text, city text,
                      naics text, hostname_source text, sector text, banner text)""");
            long started = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy peer.plain_scan_telnet from stdin with (format csv, header true)", in);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    /**
     * The floor under any import: the rows Renkei stored (normalised, fingerprinted, with their
     * evidence), exported and copied straight back into a table with the same columns and indexes
     * — no parsing, deduplication or attribution, just PostgreSQL writing those rows.
     */
    private static double copyStoredRowsBackIn(LocalPostgres db) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute("create table peer.observation_floor (like public.observation including all)");
            Path rows = Files.createTempFile("renkei-bench-stored", ".copy");
            try (java.io.Writer out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy public.observation to stdout", out);
            }
            long started = System.nanoTime();
            try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy peer.observation_floor from stdin", in);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Files.delete(rows);
            return seconds;
        }
    }

    private static String upload(String base, String token, Path file) throws Exception {
        String boundary = "renkei-bench-" + UUID.randomUUID();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/observations/import?format=shadowserver"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
