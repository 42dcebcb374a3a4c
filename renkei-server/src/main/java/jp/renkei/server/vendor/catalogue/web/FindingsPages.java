package jp.renkei.server.vendor.catalogue.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.sbom.SbomFormat;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.catalogue.Catalogue;
import jp.renkei.server.vendor.catalogue.Findings;
import jp.renkei.server.vendor.catalogue.Firmware;
import jp.renkei.server.vendor.catalogue.FirmwareSboms;
import jp.renkei.server.vendor.catalogue.Product;
import jp.renkei.server.vendor.catalogue.SbomImport;
import jp.renkei.server.vendor.catalogue.SbomOutcome;
import jp.renkei.server.vendor.catalogue.VulnerabilityDataImport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The firmware page (SBOM, components, findings), the "what changed" list and the vulnerability data page. */
@Controller
class FindingsPages {

    private final Catalogue catalogue;
    private final FirmwareSboms sboms;
    private final Findings findings;
    private final SbomImport sbomImport;
    private final VulnerabilityDataImport vulnerabilityData;
    private final ImportLog importLog;

    FindingsPages(Catalogue catalogue, FirmwareSboms sboms, Findings findings, SbomImport sbomImport,
            VulnerabilityDataImport vulnerabilityData, ImportLog importLog) {
        this.catalogue = catalogue;
        this.sboms = sboms;
        this.findings = findings;
        this.sbomImport = sbomImport;
        this.vulnerabilityData = vulnerabilityData;
        this.importLog = importLog;
    }

    @GetMapping("/vendor/products/{model}/firmware/{version}")
    String firmware(RenkeiPrincipal caller, @PathVariable String model, @PathVariable String version, Model page) {
        Product product = product(caller, model);
        Firmware firmware = firmware(caller, product, version);
        page.addAttribute("product", product);
        page.addAttribute("firmware", firmware);
        page.addAttribute("sbom", sboms.summary(caller.organisationId(), firmware).orElse(null));
        page.addAttribute("components", sboms.components(caller.organisationId(), firmware));
        page.addAttribute("findings", findings.of(caller.organisationId(), firmware));
        return "vendor/catalogue/firmware";
    }

    @PostMapping("/vendor/products/{model}/firmware/{version}/sbom")
    String uploadSbom(RenkeiPrincipal caller, @PathVariable String model, @PathVariable String version,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        CataloguePages.requireWriter(caller);
        firmware(caller, product(caller, model), version);
        if (file.getSize() > SbomApi.MAX_SBOM_BYTES) {
            redirect.addFlashAttribute("error", "an SBOM of " + file.getSize() + " bytes is too large");
        } else {
            SbomOutcome outcome = sbomImport.importSbom(caller.organisationId(), caller.actor(), model, version,
                    Objects.requireNonNullElse(file.getOriginalFilename(), "upload"), file.getBytes());
            if (outcome instanceof SbomOutcome.Imported imported) {
                redirect.addFlashAttribute("imported", imported);
            } else if (outcome instanceof SbomOutcome.Refused refused) {
                redirect.addFlashAttribute("refused", refused.invalid());
            } else {
                redirect.addFlashAttribute("error", ((SbomOutcome.BadParameter) outcome).reason());
            }
        }
        return "redirect:" + CataloguePages.productPath(model) + "/firmware/"
                + UriUtils.encodePathSegment(version, StandardCharsets.UTF_8);
    }

    @GetMapping("/vendor/products/{model}/firmware/{version}/sbom")
    ResponseEntity<String> export(RenkeiPrincipal caller, @PathVariable String model, @PathVariable String version,
            @RequestParam(defaultValue = "json") String format) {
        SbomFormat as = format.equals("xml") ? SbomFormat.XML : SbomFormat.JSON;
        Optional<String> document = sboms.export(caller.organisationId(), firmware(caller, product(caller, model), version), as);
        String extension = as == SbomFormat.XML ? "xml" : "json";
        return document.map(d -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/vnd.cyclonedx+" + extension))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(model + "-" + version + ".cdx." + extension, StandardCharsets.UTF_8)
                                .build().toString())
                        .body(d))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/vendor/changes")
    String changes(RenkeiPrincipal caller, Model page) {
        page.addAttribute("changes", findings.changes(caller.organisationId(), Findings.MAX_CHANGES));
        return "vendor/catalogue/changes";
    }

    @GetMapping("/vendor/vulnerability-data")
    String vulnerabilityData(RenkeiPrincipal caller, Model page) {
        page.addAttribute("holdings", vulnerabilityData.holdings(caller.organisationId()));
        page.addAttribute("runs", importLog.recent(caller.organisationId(), 200).stream()
                .filter(r -> r.kind().equals(VulnerabilityDataImport.KIND)).limit(20).toList());
        return "vendor/catalogue/vulnerability-data";
    }

    @PostMapping("/vendor/vulnerability-data")
    String importVulnerabilityData(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect) {
        CataloguePages.requireWriter(caller);
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("outcome", vulnerabilityData.importOsv(caller.organisationId(), caller.actor(),
                    Objects.requireNonNullElse(file.getOriginalFilename(), "upload"), in));
        } catch (ImportFormatException | IOException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/vendor/vulnerability-data";
    }

    private Product product(RenkeiPrincipal caller, String model) {
        return catalogue.product(caller.organisationId(), model)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Firmware firmware(RenkeiPrincipal caller, Product product, String version) {
        return catalogue.firmware(caller.organisationId(), product, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
