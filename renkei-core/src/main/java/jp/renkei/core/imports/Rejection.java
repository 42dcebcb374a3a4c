package jp.renkei.core.imports;

/** A row of an import file that was not taken, with its 1-based starting line and why. */
public record Rejection(long line, String reason) {
}
