package jp.renkei.core.csaf.authoring;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the vendor tells owners to do, before it becomes a CSAF remediation with product ids. */
public sealed interface RemediationInput {

    /** Install the fixing firmware {@code fix}; applies to the affected firmware listed. */
    record VendorFix(FirmwareRef fix, List<FirmwareRef> appliesTo, String details, Optional<URI> url)
            implements RemediationInput {

        public VendorFix {
            Objects.requireNonNull(fix, "fix");
            appliesTo = List.copyOf(appliesTo);
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(url, "url");
        }
    }

    /** A configuration change or other step that avoids the vulnerability without a fix. */
    record Workaround(String details, List<FirmwareRef> appliesTo) implements RemediationInput {

        public Workaround {
            Objects.requireNonNull(details, "details");
            appliesTo = List.copyOf(appliesTo);
        }
    }

    /** A step that reduces the risk without removing it. */
    record Mitigation(String details, List<FirmwareRef> appliesTo) implements RemediationInput {

        public Mitigation {
            Objects.requireNonNull(details, "details");
            appliesTo = List.copyOf(appliesTo);
        }
    }

    /**
     * No fix will come for {@code modelNumber}; applies to all its affected firmware. Without
     * {@code details} the advice to replace the model is written from the catalogue.
     */
    record NoFixPlanned(String modelNumber, Optional<String> details) implements RemediationInput {

        public NoFixPlanned {
            Objects.requireNonNull(modelNumber, "modelNumber");
            Objects.requireNonNull(details, "details");
        }
    }

    /** No remediation exists yet for the listed firmware. */
    record NoneAvailable(String details, List<FirmwareRef> appliesTo) implements RemediationInput {

        public NoneAvailable {
            Objects.requireNonNull(details, "details");
            appliesTo = List.copyOf(appliesTo);
        }
    }
}
