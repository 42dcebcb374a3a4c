/**
 * CycloneDX SBOMs (1.5, 1.6, 1.7; JSON and XML): {@link jp.renkei.core.sbom.CycloneDxReader} validates a
 * file against the specification's schema and reads it into a plain {@link jp.renkei.core.sbom.Sbom}
 * with nested components flattened; {@link jp.renkei.core.sbom.CycloneDxWriter} writes one back as
 * CycloneDX 1.6. The parsing model is cyclonedx-core-java's; nothing of it leaks out of this package.
 */
package jp.renkei.core.sbom;
