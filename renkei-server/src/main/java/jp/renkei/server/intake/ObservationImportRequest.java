package jp.renkei.server.intake;

import java.util.Optional;

/**
 * One file to take in as observations: whose, from which feed, in which format.
 *
 * @param format     {@code shadowserver}, {@code intelmq}, {@code notice}, {@code xarf} or {@code csv}
 * @param reportType for Shadowserver: the report type, else taken from the file name
 * @param mapping    for {@code notice} and {@code csv}: the name of a saved column mapping
 * @param feed       the feed the file came from (e.g. {@code upload}, {@code api}, or a configured feed's name)
 */
public record ObservationImportRequest(long organisationId, String actor, String format, String fileName,
        Optional<String> reportType, Optional<String> mapping, String feed) {}
