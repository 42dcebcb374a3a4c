package jp.renkei.core.intake;

import java.security.MessageDigest;
import java.util.Map;
import jp.renkei.core.Sha256;

/**
 * Hashes evidence into an observation fingerprint with one digest and one byte buffer per reader:
 * no per-row {@code MessageDigest.getInstance} or {@code getBytes} copies on the hot path.
 * Separators between names and values keep "ab","c" and "a","bc" from hashing alike.
 */
final class Fingerprinter {

    private final MessageDigest digest = Sha256.newDigest();
    private byte[] buffer = new byte[256];

    String of(String reportType, Map<String, String> evidence) {
        update(reportType);
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            digest.update((byte) 0x1e);
            update(e.getKey());
            digest.update((byte) 0x1f);
            update(e.getValue());
        }
        return Sha256.hex(digest);
    }

    /** UTF-8 encoding by hand (same bytes as {@code getBytes(UTF_8)}), into the reused buffer. */
    private void update(String s) {
        int n = s.length();
        if (buffer.length < n * 3) {
            buffer = new byte[n * 3 + 16];
        }
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buffer[o++] = (byte) c;
            } else if (c < 0x800) {
                buffer[o++] = (byte) (0xc0 | (c >> 6));
                buffer[o++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buffer[o++] = (byte) (0xf0 | (cp >> 18));
                buffer[o++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[o++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[o++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                buffer[o++] = (byte) '?';
            } else {
                buffer[o++] = (byte) (0xe0 | (c >> 12));
                buffer[o++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buffer[o++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        digest.update(buffer, 0, o);
    }
}
