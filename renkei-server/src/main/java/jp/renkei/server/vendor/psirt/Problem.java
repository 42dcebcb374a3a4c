package jp.renkei.server.vendor.psirt;

/** One thing wrong with an input: where (a JSON pointer such as {@code /cvss31} or {@code /affected/0/product}) and what. */
public record Problem(String pointer, String detail) {

    /** "pointer: detail", as shown on pages and in logs. */
    @Override
    public String toString() {
        return pointer + ": " + detail;
    }
}
