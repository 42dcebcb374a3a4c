package jp.renkei.server.vendor.psirt;

import java.util.List;
import java.util.Optional;

/**
 * Vendors' contact points. Public pages find a vendor by its slug ({@code /vendors/{slug}/…});
 * {@code /.well-known/security.txt} speaks for the instance's primary vendor.
 */
public interface ContactPoints {

    /**
     * The vendor organisation's contact point, created with defaults (a slug from its name, the
     * default disclosure policy, the default targets) on first use. Empty for an organisation
     * that is not a vendor.
     */
    Optional<ContactPoint> of(long organisationId);

    /** The contact point published under this slug. */
    Optional<ContactPoint> bySlug(String slug);

    /**
     * The vendor {@code /.well-known/security.txt} speaks for: the one named by
     * {@code renkei.psirt.primary-vendor} (a slug), or else the instance's only vendor organisation.
     */
    Optional<ContactPoint> primary();

    /** Checks and stores new settings; an empty answer means saved. */
    List<Problem> update(long organisationId, String actor, ContactSettings settings);
}
