package jp.renkei.bench.vulnerabilities;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.RecordReader;
import jp.renkei.core.vulnerabilities.OsvReader;
import jp.renkei.core.vulnerabilities.OsvRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 6: reading an OSV dump, in records per second on one core (the import target is at least
 * 20,000 records/s end to end; this is the parsing part). The peer unzips the same bytes and
 * parses each entry into a Jackson tree without making records: the floor the reader stands on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class OsvReadBenchmark {

    static final int RECORDS = 50_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private byte[] zip;

    @Setup(Level.Trial)
    public void generate() {
        zip = SyntheticOsv.zip(SyntheticOsv.records(RECORDS, 6));
        System.out.printf("%n[setup] zip of %,d records, %,d bytes%n", RECORDS, zip.length);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long renkeiOsvReader() {
        long affected = 0;
        try (RecordReader<OsvRecord> reader = OsvReader.zip("osv.zip", new ByteArrayInputStream(zip))) {
            while (reader.hasNext()) {
                if (reader.next() instanceof Parsed.Row<OsvRecord> row) {
                    affected += row.value().affected().size();
                }
            }
        }
        return affected;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long peerUnzipAndJacksonTree() {
        long fields = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                fields += JSON.readTree(in.readAllBytes()).size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
