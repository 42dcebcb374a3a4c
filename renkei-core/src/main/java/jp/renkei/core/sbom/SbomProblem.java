package jp.renkei.core.sbom;

/**
 * Why an SBOM file was refused: where (JSON pointer, or XML line, column and element path) and what.
 */
public record SbomProblem(String location, String message) {

    @Override
    public String toString() {
        return location.isEmpty() ? message : location + ": " + message;
    }
}
