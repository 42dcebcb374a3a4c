package jp.renkei.core.sbom;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of reading one SBOM file: read (with notes on what was kept as is), or refused with every problem found. */
public sealed interface SbomReading permits SbomReading.Read, SbomReading.Invalid {

    /** A valid SBOM. */
    record Read(Sbom sbom, SbomFormat format, List<SbomNote> notes) implements SbomReading {
        public Read {
            notes = List.copyOf(notes);
        }
    }

    /** A file that is not a valid CycloneDX 1.5–1.7 SBOM; nothing of it is used. */
    record Invalid(String fileName, List<SbomProblem> problems) implements SbomReading {
        public Invalid {
            problems = List.copyOf(problems);
        }

        /** One message naming the file and each problem, for an API answer or a log. */
        public String describe() {
            return fileName + ": " + problems.stream().map(SbomProblem::toString).collect(Collectors.joining("; "));
        }
    }
}
