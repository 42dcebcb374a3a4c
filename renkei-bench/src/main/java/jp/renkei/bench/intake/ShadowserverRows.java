package jp.renkei.bench.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Realistic {@code scan_telnet} report rows (the header Shadowserver publishes, varied addresses,
 * banners with quoted commas) for benchmarks, written as a stream so 10 million rows need no memory.
 */
public final class ShadowserverRows {

    public static final String HEADER = "\"timestamp\",\"severity\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\","
            + "\"asn\",\"geo\",\"region\",\"city\",\"naics\",\"hostname_source\",\"sector\",\"banner\"\r\n";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final String[] BANNERS = {
        "|MikroTik v6.45.3 (stable)|Login:",
        "\\r\\nBusyBox v1.19.4 (2016-03-03 10:12:33 CST) built-in shell (ash)\\r\\nlogin:",
        "Welcome to ZXDSL 831CII\\r\\nLogin:",
        "\\xff\\xfb\\x01\\xff\\xfb\\x03 (none) login:",
        "Huawei HG8245, firmware V3R017C10S115\\r\\nLogin:",
    };
    private static final String[] CITIES = {"TOKYO", "OSAKA", "NAGOYA", "SAPPORO", "FUKUOKA", "SENDAI"};

    private ShadowserverRows() {}

    /** The report's file name, as Shadowserver names it. */
    public static String fileName(Instant day) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(day) + "-scan_telnet-asn-jp.csv";
    }

    /** Writes the header and {@code rows} rows, deterministically for a seed. */
    public static void write(OutputStream out, long rows, long seed, Instant day) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(256);
        try {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            long start = day.getEpochSecond();
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                int host = random.nextInt(1 << 22);
                String ip = (100 + (host >>> 16)) + "." + ((host >>> 8) & 0xff) + "." + (host & 0xff) + "."
                        + (1 + random.nextInt(254));
                line.append('"').append(TIME.format(Instant.ofEpochSecond(start + random.nextInt(86_400))))
                        .append("\",\"medium\",\"").append(ip).append("\",\"tcp\",\"23\",\"")
                        .append("p").append(i).append(".example.ne.jp\",\"telnet\",\"")
                        .append(64_500 + random.nextInt(20)).append("\",\"JP\",\"TOKYO\",\"")
                        .append(CITIES[random.nextInt(CITIES.length)]).append("\",\"517311\",\"ptr\",\"")
                        .append("Communications, Service Provider\",\"")
                        .append(BANNERS[random.nextInt(BANNERS.length)]).append("\"\r\n");
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
