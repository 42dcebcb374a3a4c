package jp.renkei.server.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.intake.ObservationView;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST v1: report import, and the observations nobody could be named for. */
@RestController
@RequestMapping("/api/v1/observations")
class ObservationApi {

    private static final int MAX_LIMIT = 5_000;

    /** An unattributed observation as listed over the API, with the reason. */
    record Unattributed(long id, String reportType, String fileName, long line, Instant sourceTime, String ip,
            Integer port, String kind, String reason, Map<String, String> evidence) {

        static Unattributed of(ObservationView v) {
            return new Unattributed(v.id(), v.reportType(), v.fileName(), v.line(), v.sourceTime(), v.ip(),
                    v.port().orElse(null), v.kind().code(), v.attribution().unattributedReason().orElse(""),
                    v.evidence());
        }
    }

    private final ObservationImport observationImport;
    private final ObservationQueries observations;

    ObservationApi(ObservationImport observationImport, ObservationQueries observations) {
        this.observationImport = observationImport;
        this.observations = observations;
    }

    /**
     * {@code format=shadowserver|intelmq|notice|xarf|csv}, {@code type=} (Shadowserver report type),
     * {@code mapping=} (notice, csv), {@code feed=} (default {@code api}). An unknown format or
     * mapping answers 400 naming it.
     */
    @PostMapping("/import")
    ImportResult importReport(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String format,
            @RequestParam(required = false) String type, @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String feed, @RequestParam("file") MultipartFile file)
            throws IOException {
        String fileName = Objects.requireNonNullElse(file.getOriginalFilename(), "upload");
        try (InputStream in = file.getInputStream()) {
            return observationImport.importReport(new ObservationImportRequest(caller.organisationId(),
                    caller.actor(), format, fileName, Optional.ofNullable(type), Optional.ofNullable(mapping),
                    feed == null || feed.isBlank() ? ObservationImport.API_FEED : feed.strip()), in);
        }
    }

    @GetMapping
    ResponseEntity<?> list(RenkeiPrincipal caller, @RequestParam(required = false) Boolean attributed,
            @RequestParam(defaultValue = "500") int limit) {
        if (!Boolean.FALSE.equals(attributed)) {
            return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "parameter", "attributed",
                    "detail", "parameter attributed: only attributed=false is listed here; attributed "
                            + "observations are reached through their cases"));
        }
        List<Unattributed> list = observations
                .unattributed(caller.organisationId(), Math.max(1, Math.min(limit, MAX_LIMIT)))
                .stream().map(Unattributed::of).toList();
        return ResponseEntity.ok(list);
    }

    @ExceptionHandler(ImportFormatException.class)
    ResponseEntity<Map<String, String>> badFile(ImportFormatException e) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-file", "detail", e.getMessage()));
    }
}
