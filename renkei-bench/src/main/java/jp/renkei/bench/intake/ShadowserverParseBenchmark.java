package jp.renkei.bench.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.ShadowserverReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3: parsing and normalising Shadowserver CSV, in rows per second on one core (target
 * ≥ 300,000). The peer is FastCSV alone reading the same bytes: the floor any CSV-based reader
 * stands on, so the ratio shows what normalisation (addresses, times, fingerprint, evidence) costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
public class ShadowserverParseBenchmark {

    static final int ROWS = 100_000;

    @Param({"scan_telnet"})
    String reportType;

    private byte[] file;
    private String fileName;

    @Setup(Level.Trial)
    public void generate() {
        Instant day = Instant.parse("2026-11-22T00:00:00Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 260);
        ShadowserverRows.write(out, ROWS, 42, day);
        file = out.toByteArray();
        fileName = ShadowserverRows.fileName(day);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long renkeiReaderNormalises() {
        long rows = 0;
        try (ShadowserverReader reader = new ShadowserverReader(new ByteArrayInputStream(file), fileName, reportType)) {
            while (reader.hasNext()) {
                Parsed<ObservationDraft> parsed = reader.next();
                if (parsed instanceof Parsed.Row<ObservationDraft> row) {
                    rows += row.value().fingerprint().length();
                }
            }
        }
        return rows;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long peerFastCsvOnly() {
        long fields = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))) {
            for (CsvRecord record : csv) {
                fields += record.getFieldCount();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fields;
    }
}
