package jp.renkei.core.sbom;

/** A hash of a component's artefact, e.g. {@code SHA-256} and its hex value. */
public record ComponentHash(String algorithm, String value) {
}
