package jp.renkei.core.csaf.provider;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One file a CSAF provider serves: its path below the provider base, media type and exact bytes. */
public record DistributionFile(String path, String mediaType, byte[] content) {

    public DistributionFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistributionFile f && path.equals(f.path) && mediaType.equals(f.mediaType)
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + mediaType + ", " + content.length + " bytes)";
    }
}
