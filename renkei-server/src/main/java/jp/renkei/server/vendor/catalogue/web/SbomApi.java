package jp.renkei.server.vendor.catalogue.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.sbom.SbomFormat;
import jp.renkei.core.sbom.SbomNote;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.catalogue.Catalogue;
import jp.renkei.server.vendor.catalogue.Finding;
import jp.renkei.server.vendor.catalogue.Findings;
import jp.renkei.server.vendor.catalogue.Firmware;
import jp.renkei.server.vendor.catalogue.FirmwareSboms;
import jp.renkei.server.vendor.catalogue.Product;
import jp.renkei.server.vendor.catalogue.SbomImport;
import jp.renkei.server.vendor.catalogue.SbomOutcome;
import jp.renkei.server.vendor.catalogue.SbomSummary;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST v1: a firmware's SBOM (upload, its findings, export) and the firmware as a whole. */
@RestController
class SbomApi {

    /** SBOMs are read whole to be validated; firmware SBOMs are far below this. */
    static final long MAX_SBOM_BYTES = 64L * 1024 * 1024;

    /** The answer to an upload and to GET: component count, findings, and what was kept but cannot be matched. */
    record SbomAnswer(int components, List<FindingView> findings, List<Note> rejected) {}

    /** A note on the SBOM: where, and why. */
    record Note(String kind, String location, String reason) {
        static Note of(SbomNote n) {
            return new Note(n.kind().code(), n.location(), n.reason());
        }
    }

    /** A problem that made the file invalid. */
    record Problem(String location, String message) {}

    private final Catalogue catalogue;
    private final SbomImport sbomImport;
    private final FirmwareSboms sboms;
    private final Findings findings;

    SbomApi(Catalogue catalogue, SbomImport sbomImport, FirmwareSboms sboms, Findings findings) {
        this.catalogue = catalogue;
        this.sbomImport = sbomImport;
        this.sboms = sboms;
        this.findings = findings;
    }

    @PostMapping("/api/v1/sboms")
    ResponseEntity<?> upload(RenkeiPrincipal caller, @RequestParam(required = false) String product,
            @RequestParam(required = false) String firmware, @RequestParam("file") MultipartFile file)
            throws IOException {
        if (file.getSize() > MAX_SBOM_BYTES) {
            return Answers.bad("file", "an SBOM of " + file.getSize() + " bytes is larger than the "
                    + MAX_SBOM_BYTES + " bytes accepted");
        }
        String fileName = Objects.requireNonNullElse(file.getOriginalFilename(), "upload");
        SbomOutcome outcome = sbomImport.importSbom(caller.organisationId(), caller.actor(),
                Objects.requireNonNullElse(product, ""), Objects.requireNonNullElse(firmware, ""), fileName,
                file.getBytes());
        if (outcome instanceof SbomOutcome.BadParameter bad) {
            return Answers.bad(bad.parameter(), bad.reason());
        }
        if (outcome instanceof SbomOutcome.Refused refused) {
            return ResponseEntity.badRequest().body(Map.of("reason", "invalid-sbom", "detail",
                    refused.invalid().describe(), "problems", refused.invalid().problems().stream()
                            .map(p -> new Problem(p.location(), p.message())).toList()));
        }
        SbomOutcome.Imported imported = (SbomOutcome.Imported) outcome;
        return ResponseEntity.ok(answer(imported.components(), imported.findings(), imported.notes()));
    }

    @GetMapping("/api/v1/sboms")
    ResponseEntity<?> current(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String product,
            @RequestParam(defaultValue = "") String firmware) {
        Optional<Firmware> found = findFirmware(caller, product, firmware);
        Optional<SbomSummary> summary = found.flatMap(f -> sboms.summary(caller.organisationId(), f));
        if (summary.isEmpty()) {
            return Answers.notFound("an SBOM of " + product + " firmware " + firmware);
        }
        return ResponseEntity.ok(answer(summary.get().components(), findings.of(caller.organisationId(), found.get()),
                summary.get().notes()));
    }

    @GetMapping("/api/v1/products/{model}/firmware/{version}/sbom")
    ResponseEntity<?> export(RenkeiPrincipal caller, @PathVariable String model, @PathVariable String version,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("xml")) {
            return Answers.bad("format", "format '" + format + "' is not json or xml");
        }
        SbomFormat as = format.equals("json") ? SbomFormat.JSON : SbomFormat.XML;
        Optional<String> document = findFirmware(caller, model, version)
                .flatMap(f -> sboms.export(caller.organisationId(), f, as));
        if (document.isEmpty()) {
            return Answers.notFound("an SBOM of " + model + " firmware " + version);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(as == SbomFormat.JSON ? "application/vnd.cyclonedx+json"
                        : "application/vnd.cyclonedx+xml"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(model + "-" + version + ".cdx." + format, StandardCharsets.UTF_8).build().toString())
                .body(document.get());
    }

    @GetMapping("/api/v1/products/{model}/firmware/{version}")
    ResponseEntity<?> firmware(RenkeiPrincipal caller, @PathVariable String model, @PathVariable String version) {
        Optional<Firmware> found = findFirmware(caller, model, version);
        if (found.isEmpty()) {
            return Answers.notFound(model + " firmware " + version);
        }
        Firmware f = found.get();
        Optional<SbomSummary> sbom = sboms.summary(caller.organisationId(), f);
        List<Finding> current = findings.of(caller.organisationId(), f);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("product", model);
        body.put("version", f.version());
        body.put("releaseDate", f.releaseDate().orElse(null));
        body.put("fixes", f.fixes());
        body.put("sbom", sbom.map(s -> Map.of("fileName", s.fileName(), "format", s.format().name().toLowerCase(java.util.Locale.ROOT),
                "specVersion", s.specVersion(), "components", s.components(), "importedAt", s.importedAt(),
                "importedBy", s.importedBy())).orElse(null));
        body.put("findings", current.stream().map(FindingView::of).toList());
        return ResponseEntity.ok(body);
    }

    private Optional<Firmware> findFirmware(RenkeiPrincipal caller, String model, String version) {
        Optional<Product> product = catalogue.product(caller.organisationId(), model);
        return product.flatMap(p -> catalogue.firmware(caller.organisationId(), p, version));
    }

    private static SbomAnswer answer(int components, List<Finding> found, List<SbomNote> notes) {
        return new SbomAnswer(components, found.stream().map(FindingView::of).toList(),
                notes.stream().map(Note::of).toList());
    }
}
