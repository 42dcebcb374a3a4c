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

    /**
     * The same hash as {@link #of(String, Map)} for evidence built from {@code header} and
     * {@code values} with first-occurrence-wins, with the names' bytes prepared once per file.
     */
    static final class Header {
        private final byte[][] names;

        Header(String[] header) {
            names = new byte[header.length][];
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < header.length; i++) {
                if (seen.add(header[i])) {
                    byte[] name = header[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    byte[] framed = new byte[name.length + 2];
                    framed[0] = 0x1e;
                    System.arraycopy(name, 0, framed, 1, name.length);
                    framed[framed.length - 1] = 0x1f;
                    names[i] = framed;
                }
            }
        }
    }

    String of(String reportType, Header header, java.util.function.IntFunction<String> values) {
        update(reportType);
        for (int i = 0; i < header.names.length; i++) {
            byte[] framed = header.names[i];
            if (framed != null) {
                digest.update(framed);
                update(values.apply(i));
            }
        }
        return Sha256.hex(digest);
    }

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
