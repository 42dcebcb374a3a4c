package jp.renkei.core.demo;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/** Writes the CGNAT port-block allocation log: one row per block when it is released (or still open at the end). */
final class PbaWriter implements IspSimulation.Listener {

    private final CsvWriter csv;

    PbaWriter(Writer out) {
        this.csv = CsvWriter.builder().build(out);
        csv.writeRecord("public_ip", "port_start", "port_end", "inside_ip", "subscriber_id", "start", "end");
    }

    @Override
    public void ended(PlannedSession s) {
        if (s.isCgnat()) {
            csv.writeRecord(s.publicIp(), Integer.toString(s.portFirst()), Integer.toString(s.portLast()), s.ip(),
                    s.subscriberId(), DateTimeFormatter.ISO_INSTANT.format(s.start()),
                    s.stop().map(DateTimeFormatter.ISO_INSTANT::format).orElse(""));
        }
    }

    void flush() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
