package jp.renkei.core.sbom;

/**
 * Something about an SBOM that was kept but needs a person's attention, e.g. a component without
 * purl or CPE that no vulnerability data can match.
 *
 * @param kind what sort of note
 * @param location JSON pointer ({@code /components/7}) or XML element path
 *     ({@code /bom/components/component[8]}) of what the note is about
 * @param reason what is wrong, naming the component
 */
public record SbomNote(Kind kind, String location, String reason) {

    /** The sorts of notes. */
    public enum Kind {
        /** A component with neither purl nor CPE. */
        UNMATCHABLE_COMPONENT,
        /** A purl that is not a package URL. */
        INVALID_PURL,
        /** A VEX statement about a bom-ref that names no component. */
        UNKNOWN_BOM_REF;

        /** e.g. {@code unmatchable-component}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
