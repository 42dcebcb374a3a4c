package jp.renkei.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.core.Sha256;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

    /** The fingerprint as the first release computed it; stored fingerprints must keep matching. */
    static String firstRelease(String reportType, Map<String, String> evidence) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(reportType.getBytes(StandardCharsets.UTF_8));
        evidence.forEach((column, value) -> {
            digest.update((byte) 0x1e);
            digest.update(column.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1f);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        });
        return Sha256.hex(digest);
    }

    @Test
    void fingerprintsAreTheSameAsBeforeSoReimportsOfOldFilesStayDuplicates() {
        String[] header = {"timestamp", "ip", "備考", "ip", "emoji"};
        String[] values = {"2024-09-24 00:00:00", "203.0.113.1", "要対応、ログイン可", "ignored", "😀 \ud800"};
        LinkedHashMap<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            evidence.putIfAbsent(header[i], values[i]);
        }
        Fingerprinter f = new Fingerprinter();
        String expected = firstRelease("scan_telnet", evidence);

        assertThat(f.of("scan_telnet", evidence)).isEqualTo(expected);
        assertThat(f.of("scan_telnet", new Fingerprinter.Header(header), i -> values[i])).isEqualTo(expected);
        assertThat(f.of("scan_telnet", evidence)).as("the reused digest is reset").isEqualTo(expected);
    }
}
