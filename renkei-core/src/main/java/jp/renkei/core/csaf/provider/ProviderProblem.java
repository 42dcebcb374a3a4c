package jp.renkei.core.csaf.provider;

import java.util.Objects;

/** An inconsistency in a provider directory: the file (path below the base) and what is wrong. */
public record ProviderProblem(String file, String message) {

    public ProviderProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
