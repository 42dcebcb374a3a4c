package jp.renkei.core.sbom;

import java.util.Optional;

/** The two CycloneDX encodings. */
public enum SbomFormat {
    JSON, XML;

    /** Recognises the encoding from the first character that is not white space or a byte-order mark. */
    public static Optional<SbomFormat> detect(byte[] content) {
        for (byte b : content) {
            switch (b) {
                case ' ', '\t', '\r', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF -> {
                    continue;
                }
                case '{' -> {
                    return Optional.of(JSON);
                }
                case '<' -> {
                    return Optional.of(XML);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
