package jp.renkei.server.vendor.catalogue;

/**
 * A firmware version as a product page lists it.
 *
 * @param components components in its current SBOM (0 when it has none)
 * @param findings findings of known vulnerabilities in them
 * @param openFindings those the SBOM's own VEX does not dismiss
 */
public record FirmwareOverview(Firmware firmware, boolean hasSbom, int components, int findings, int openFindings) {
}
