/**
 * The vendor's catalogue: products (models) with their support lifecycle, hardware revisions,
 * firmware versions, the CycloneDX SBOM of each firmware, known vulnerabilities imported from OSV
 * dumps, and the findings that matching one against the other gives, with what changed after each
 * import. The types in this package are what the rest of the vendor module uses; storage is in
 * {@code internal}, REST and pages in {@code web}. Everything is scoped to one organisation.
 */
package jp.renkei.server.vendor.catalogue;
