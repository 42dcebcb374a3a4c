package jp.renkei.bench.vendor;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;

import jp.renkei.bench.harness.LocalPostgres;
import jp.renkei.bench.harness.ServerProcess;
import org.postgresql.PGConnection;

/**
 * Issue 6: importing an OSV dump through the real endpoint ({@code POST
 * /api/v1/vulnerability-data/import?format=osv}: upload, unzip, parse and check every record,
 * multi-row upserts, the in-memory index, and re-matching every SBOM of the vendor) against
 * PostgreSQL's own COPY of the same JSON rows into a plain table, in the same run on the same
 * server. Target: at least 20,000 records per second. The import answers once every record is
 * stored; the vendor has SBOMs on file, so a re-matching of all of them follows in the background,
 * and the harness also reports how long until that finished. A warm-up import of 20,000 other
 * records comes first, outside the measurement.
 *
 * <pre>java -cp renkei-bench/target/renkei-bench.jar jp.renkei.bench.vendor.OsvImportVsCopy [records] [heap] [sboms]</pre>
 */
public final class OsvImportVsCopy {

    private static final int WARM_UP = 20_000;

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        String heap = args.length > 1 ? args[1] : "1g";
        int sboms = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path jar = Path.of(System.getProperty("renkei.server.jar", "renkei-server/target/renkei-server.jar"));
        OsvImportDump dump = new OsvImportDump(20_000);
        Path dir = Files.createTempDirectory("renkei-bench-osv");
        Path zip = dir.resolve("all.zip");
        Path warmUp = dir.resolve("warm-up.zip");
        Path csv = dir.resolve("all.csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16)) {
            dump.writeZip(out, 0, records);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(warmUp), 1 << 16)) {
            dump.writeZip(out, records, records + WARM_UP);
        }
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            dump.writeCsv(out, records);
        }
        System.out.printf("dump: %,d records, zip %,d bytes, JSON rows %,d bytes%n", records, Files.size(zip),
                Files.size(csv));

        try (LocalPostgres db = LocalPostgres.create("renkei_bench_osv")) {
            double copySeconds = copyIntoPlainTable(db, csv);
            String token = "rk_bench_" + UUID.randomUUID();
            try (ServerProcess server = ServerProcess.start(jar, heap, Map.of(
                    "RENKEI_DB_URL", db.jdbcUrl(), "RENKEI_DB_USER", "postgres", "RENKEI_BOOTSTRAP_TOKEN", token,
                    "RENKEI_BOOTSTRAP_ORG", "Bench Vendor", "RENKEI_BOOTSTRAP_ORG_KIND", "vendor",
                    "RENKEI_OUTBOX_ENABLED", "false", "RENKEI_COLLECTORS", "false", "RENKEI_RADIUS_ACCT_PORT", "0"))) {
                for (int s = 0; s < sboms; s++) {
                    post(server.baseUrl() + "/api/v1/sboms?product=BENCH-" + (s % 5) + "&firmware=1." + s, token,
                            "sbom.json", "application/json", HttpRequest.BodyPublishers.ofString(dump.sbom(s, 200)));
                }
                // Other records first, so the measured import does not pay for class loading and JIT compilation.
                String warm = post(server.baseUrl() + "/api/v1/vulnerability-data/import?format=osv", token,
                        "warm-up.zip", "application/zip", HttpRequest.BodyPublishers.ofFile(warmUp));
                System.out.println("warm-up import of " + WARM_UP + " other records: " + summary(warm));
                awaitRematch(server.baseUrl(), token);
                long started = System.nanoTime();
                String first = post(server.baseUrl() + "/api/v1/vulnerability-data/import?format=osv", token,
                        "all.zip", "application/zip", HttpRequest.BodyPublishers.ofFile(zip));
                double importSeconds = (System.nanoTime() - started) / 1e9;
                String rematch = awaitRematch(server.baseUrl(), token);
                double rematchSeconds = (System.nanoTime() - started) / 1e9 - importSeconds;
                started = System.nanoTime();
                String again = post(server.baseUrl() + "/api/v1/vulnerability-data/import?format=osv", token,
                        "all.zip", "application/zip", HttpRequest.BodyPublishers.ofFile(zip));
                double againSeconds = (System.nanoTime() - started) / 1e9;
                if (!server.isAlive()) {
                    throw new IllegalStateException("server died (out of memory?)");
                }
                System.out.printf("PostgreSQL COPY of the JSON rows into a plain table: %7.1f s  %,10.0f records/s%n",
                        copySeconds, records / copySeconds);
                System.out.printf("Renkei import, answered when stored (heap %s):   %7.1f s  %,10.0f records/s  %s%n",
                        heap, importSeconds, records / importSeconds, summary(first));
                System.out.printf("  then all %d SBOMs re-matched in the background:  %7.1f s  (%s)%n", sboms,
                        rematchSeconds, rematch.replaceAll(".*(\"firmware\":\\d+,\"changed\":\\d+).*", "$1"));
                System.out.printf("  import and re-matching together:                 %7.1f s  %,10.0f records/s%n",
                        importSeconds + rematchSeconds, records / (importSeconds + rematchSeconds));
                System.out.printf("Renkei re-import of the same dump (all duplicates):  %7.1f s  %,10.0f records/s  %s%n",
                        againSeconds, records / againSeconds, summary(again));
                System.out.printf("ratio Renkei import / COPY: %.2f; target ≥ 20,000 records/s: %s%n",
                        copySeconds / importSeconds, records / importSeconds >= 20_000 ? "met" : "NOT met");
            }
        }
    }

    private static double copyIntoPlainTable(LocalPostgres db, Path csv) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute("create schema peer; "
                    + "create table peer.osv (id text, modified timestamptz, record text)");
            long started = System.nanoTime();
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy peer.osv from stdin with (format csv)", in);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static String summary(String answer) {
        return answer.replaceAll("(?s).*\"accepted\":(\\d+),\"duplicates\":(\\d+),\"rejected\":\\[([^]]{0,40}).*",
                "(accepted $1, duplicates $2, rejected [$3])");
    }

    // The latest re-matching of the vendor, once it has finished.
    private static String awaitRematch(String base, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/vulnerability-data"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("\"status\":\"queued\"")) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("re-matching did not finish within 10 minutes");
    }

    private static String post(String url, String token, String fileName, String type, HttpRequest.BodyPublisher file)
            throws Exception {
        String boundary = "renkei-bench-" + UUID.randomUUID();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n"),
                file, HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
