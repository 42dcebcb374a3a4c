package jp.renkei.core.vulnerabilities;

import java.util.Objects;
import java.util.Optional;

/**
 * The identity of an SBOM component as matching sees it.
 *
 * @param purl    the package URL; when present and well-formed it decides the match
 * @param cpe     a CPE 2.3 (or 2.2 URI) name, used only when there is no usable purl
 * @param name    the component's name, for messages
 * @param version the component's version, used when the purl (or CPE) carries none
 */
public record ComponentRef(Optional<String> purl, Optional<String> cpe, String name, String version) {

    /** Rejects nulls. */
    public ComponentRef {
        Objects.requireNonNull(purl, "purl");
        Objects.requireNonNull(cpe, "cpe");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** A component known by its purl only. */
    public static ComponentRef ofPurl(String purl) {
        return new ComponentRef(Optional.of(purl), Optional.empty(), "", "");
    }

    /** A component known by its CPE only. */
    public static ComponentRef ofCpe(String cpe) {
        return new ComponentRef(Optional.empty(), Optional.of(cpe), "", "");
    }
}
