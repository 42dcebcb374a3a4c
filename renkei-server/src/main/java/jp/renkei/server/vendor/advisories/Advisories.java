package jp.renkei.server.vendor.advisories;

import java.util.List;
import java.util.Optional;

/**
 * A vendor's advisories. Everything is scoped by the organisation passed in: another organisation's
 * advisory, draft or published, behaves exactly like an unknown one.
 */
public interface Advisories {

    /**
     * Stores a draft advisory over the organisation's records with the next tracking id
     * ({@code RK-SA-YYYY-NNNN}); invalid when a record is unknown or a field is malformed.
     */
    AdvisorySave create(long organisationId, String actor, AdvisoryDraft draft);

    Optional<VendorAdvisory> find(long organisationId, long advisoryId);

    /** The organisation's advisories, authored and imported, most recently changed first. */
    List<VendorAdvisory> list(long organisationId);

    /**
     * The document as it stands: for a draft, what the next publication would produce from the records
     * and catalogue now; for a published or imported advisory, the latest document exactly as served.
     */
    Optional<AdvisoryCheck> check(long organisationId, long advisoryId);

    /**
     * Publishes the next revision with the CSAF status {@code interim} or {@code final}: refused while a
     * record is under embargo or the document fails validation; otherwise the document is stored, the
     * provider directory lists it, and (for TLP:WHITE) confirmed owners of affected models get a mail.
     */
    AdvisorySave publish(long organisationId, long advisoryId, String actor, String status, String revisionSummary);

    /** Validates another party's CSAF document and stores it read-only; rejected with JSON pointers. */
    AdvisorySave importDocument(long organisationId, String actor, byte[] json);

    /** The organisation's published TLP:WHITE advisories authored by it, newest first, for its public pages. */
    List<VendorAdvisory> publicList(long organisationId);

    /** The latest published document of an advisory of the organisation (empty for drafts). */
    Optional<byte[]> publishedDocument(long organisationId, long advisoryId);
}
