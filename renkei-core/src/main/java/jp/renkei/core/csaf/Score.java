package jp.renkei.core.csaf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CVSS scores for some products. CSAF 2.0 knows only CVSS v2 and v3.x here; a CVSS v4.0 vector has no
 * place in a score and is carried as a note instead (see the authoring package).
 */
public record Score(List<String> products, Optional<CvssV3> cvssV3, Optional<CvssV2> cvssV2) {

    /** The CVSS v3.0 or v3.1 base metrics as CSAF writes them. */
    public record CvssV3(String version, String vectorString, double baseScore, String baseSeverity) {

        public CvssV3 {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(vectorString, "vectorString");
            Objects.requireNonNull(baseSeverity, "baseSeverity");
        }
    }

    /** The CVSS v2 base metrics as CSAF writes them. */
    public record CvssV2(String vectorString, double baseScore) {

        public CvssV2 {
            Objects.requireNonNull(vectorString, "vectorString");
        }
    }

    public Score {
        products = List.copyOf(products);
        Objects.requireNonNull(cvssV3, "cvssV3");
        Objects.requireNonNull(cvssV2, "cvssV2");
        if (cvssV3.isEmpty() && cvssV2.isEmpty()) {
            throw new IllegalArgumentException("a score needs a CVSS v3 or v2 object");
        }
    }
}
