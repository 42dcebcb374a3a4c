package jp.renkei.core.csaf.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every file of a CSAF provider directory, by path below the provider base. */
public record Distribution(Map<String, DistributionFile> files) {

    public Distribution {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A distribution of these files. */
    public static Distribution of(List<DistributionFile> files) {
        Map<String, DistributionFile> byPath = new LinkedHashMap<>();
        for (DistributionFile f : files) {
            if (byPath.put(f.path(), f) != null) {
                throw new IllegalArgumentException("two files at " + f.path());
            }
        }
        return new Distribution(byPath);
    }

    /** The file at {@code path}, e.g. {@code white/index.txt}. */
    public Optional<DistributionFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
