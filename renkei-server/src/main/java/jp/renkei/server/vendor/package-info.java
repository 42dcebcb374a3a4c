/**
 * Vendor: one place for a device vendor's PSIRT. The catalogue of products, hardware revisions and
 * firmware with their support periods and SBOMs ({@code catalogue}); known vulnerabilities of
 * SBOM components from offline OSV data ({@code catalogue}); the published contact point, report
 * intake and triage of vulnerability records ({@code psirt}); CSAF advisories and their
 * publication as a CSAF provider ({@code advisories}). Every row belongs to the vendor's
 * organisation; reports, embargoed records and drafts are never visible to another vendor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vendor",
        allowedDependencies = { "notify", "platform" })
package jp.renkei.server.vendor;
