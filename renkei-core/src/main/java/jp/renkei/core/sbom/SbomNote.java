package jp.renkei.core.sbom;

/**
 * Something about an SBOM that was kept but needs a person's attention, e.g. a component without
 * purl or CPE that no vulnerability data can match.
 *
 * @param location JSON pointer ({@code /components/7}) or XML element path
 *     ({@code /bom/components/component[8]}) of what the note is about
 * @param reason what is wrong, naming the component
 */
public record SbomNote(String location, String reason) {
}
