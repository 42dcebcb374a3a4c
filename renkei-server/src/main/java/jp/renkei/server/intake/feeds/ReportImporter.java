package jp.renkei.server.intake.feeds;

import java.io.InputStream;

import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.platform.ImportResult;
import org.springframework.stereotype.Component;

/**
 * The one call every collector makes into the observation import.
 * TEMPORARY adapter: until {@code ObservationImport.importReport(ObservationImportRequest, InputStream)}
 * lands, it calls today's signature, which takes neither the feed nor a mapping.
 */
@Component
class ReportImporter {

    private final ObservationImport observationImport;

    ReportImporter(ObservationImport observationImport) {
        this.observationImport = observationImport;
    }

    ImportResult importReport(ObservationImportRequest request, InputStream content) {
        return observationImport.importReport(request.organisationId(), request.actor(), request.format(),
                request.reportType(), request.fileName(), content);
    }
}
