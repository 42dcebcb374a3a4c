package jp.renkei.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Large Shadowserver scan_telnet reports with one distinct device per row, written straight to disk. */
final class ReportFiles {

    static final String SCAN_TELNET_HEADER = "\"timestamp\",\"severity\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\","
            + "\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"hostname_source\",\"sector\",\"banner\"\r\n";

    private ReportFiles() {}

    /** Writes {@code rows} rows for addresses 10.0.0.1, 10.0.0.2, … and returns the file. */
    static Path scanTelnet(Path file, int rows) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SCAN_TELNET_HEADER);
            for (int i = 1; i <= rows; i++) {
                out.write("\"2024-09-24 " + String.format("%02d:%02d:%02d", (i / 3600) % 24, (i / 60) % 60, i % 60)
                        + "\",\"medium\",\"10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255)
                        + "\",\"tcp\",\"23\",\"\",\"e2e\",\"64500\",\"JP\",\"TOKYO\",\"\",\"\",\"\",\"\","
                        + "\"|MikroTik v6.45.3 (stable)|Login:\"\r\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
