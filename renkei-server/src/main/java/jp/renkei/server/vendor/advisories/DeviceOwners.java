package jp.renkei.server.vendor.advisories;

import java.util.List;
import java.util.Optional;

import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.Problem;

/**
 * Device owners who asked a vendor to tell them about advisories for their model. A registration counts
 * once the owner follows the link in the confirmation mail (double opt-in); each confirmed owner of an
 * affected model then gets one mail per published revision, in their language.
 */
public interface DeviceOwners {

    /** The outcome of a registration request. */
    sealed interface Registration {

        /** Stored (or already there): the confirmation mail is queued unless the owner had confirmed. */
        record Pending() implements Registration {}

        /** Nothing stored; each problem names its field. */
        record Invalid(List<Problem> problems) implements Registration {

            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Registers an owner of the vendor's model and queues the confirmation mail through the outbox. */
    Registration register(ContactPoint vendor, String email, String modelNumber, String language);

    /** Confirms the registration with this token; the model number, or empty for an unknown token. */
    Optional<String> confirm(ContactPoint vendor, String token);
}
