package jp.renkei.server.vendor.catalogue.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.catalogue.Catalogue;
import jp.renkei.server.vendor.catalogue.FirmwareDraft;
import jp.renkei.server.vendor.catalogue.FirmwareOverview;
import jp.renkei.server.vendor.catalogue.HardwareRevision;
import jp.renkei.server.vendor.catalogue.Lifecycle;
import jp.renkei.server.vendor.catalogue.Product;
import jp.renkei.server.vendor.catalogue.ProductDraft;
import jp.renkei.server.vendor.catalogue.UpdateMechanism;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: the catalogue of products, their hardware revisions and firmware versions. */
@RestController
@RequestMapping("/api/v1/products")
class ProductsApi {

    /** A product as the API shows it; the list leaves out revisions and firmware. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductView(String modelNumber, String name, String updateMechanism, LocalDate endOfSale,
            LocalDate endOfSupport, String supportPeriod, String lifecycle, Long endOfSupportInDays,
            Integer firmwareVersions, Integer openFindings, List<String> hardwareRevisions,
            List<FirmwareView> firmware) {

        static ProductView of(Product p, Lifecycle lifecycle) {
            Long days = lifecycle instanceof Lifecycle.EndingSoon soon ? soon.days() : null;
            return new ProductView(p.modelNumber(), p.name(), p.updateMechanism().code(), p.endOfSale().orElse(null),
                    p.endOfSupport().orElse(null), p.supportPeriod(), lifecycle.code(), days, null, null, null, null);
        }

        ProductView with(int versions, int open, List<String> revisions, List<FirmwareView> firmwareList) {
            return new ProductView(modelNumber, name, updateMechanism, endOfSale, endOfSupport, supportPeriod,
                    lifecycle, endOfSupportInDays, versions, open, revisions, firmwareList);
        }
    }

    /** A firmware version as the API shows it. */
    record FirmwareView(String version, LocalDate releaseDate, String fixes, boolean sbom, int components,
            int findings, int openFindings) {
        static FirmwareView of(FirmwareOverview f) {
            return new FirmwareView(f.firmware().version(), f.firmware().releaseDate().orElse(null),
                    f.firmware().fixes(), f.hasSbom(), f.components(), f.findings(), f.openFindings());
        }
    }

    /** What POST and PUT carry; dates as yyyy-mm-dd. */
    record ProductRequest(String modelNumber, String name, String updateMechanism, String endOfSale,
            String endOfSupport, String supportPeriod) {}

    /** What adding a firmware version carries. */
    record FirmwareRequest(String version, String releaseDate, String fixes) {}

    /** What adding a hardware revision carries. */
    record RevisionRequest(String revision) {}

    private final Catalogue catalogue;

    ProductsApi(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<ProductView> list(RenkeiPrincipal caller) {
        return catalogue.products(caller.organisationId()).stream()
                .map(o -> ProductView.of(o.product(), o.lifecycle()).with(o.firmwareVersions(), o.openFindings(),
                        null, null))
                .toList();
    }

    @PostMapping
    ResponseEntity<?> create(RenkeiPrincipal caller, @RequestBody ProductRequest request) {
        return Answers.of(catalogue.createProduct(caller.organisationId(), caller.actor(), draft(request)), this::shown);
    }

    @GetMapping("/{model}")
    ResponseEntity<?> one(RenkeiPrincipal caller, @PathVariable String model) {
        return catalogue.product(caller.organisationId(), model)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(detail(caller.organisationId(), p)))
                .orElseGet(() -> Answers.notFound("product " + model));
    }

    @PutMapping("/{model}")
    ResponseEntity<?> update(RenkeiPrincipal caller, @PathVariable String model, @RequestBody ProductRequest request) {
        return Answers.of(catalogue.updateProduct(caller.organisationId(), caller.actor(), model, draft(request)),
                this::shown, HttpStatus.OK);
    }

    @PostMapping("/{model}/hardware-revisions")
    ResponseEntity<?> addRevision(RenkeiPrincipal caller, @PathVariable String model,
            @RequestBody RevisionRequest request) {
        return Answers.of(catalogue.addHardwareRevision(caller.organisationId(), caller.actor(), model,
                request.revision()), (HardwareRevision r) -> Map.of("revision", r.revision()));
    }

    @GetMapping("/{model}/firmware")
    ResponseEntity<?> firmware(RenkeiPrincipal caller, @PathVariable String model) {
        return catalogue.product(caller.organisationId(), model)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(catalogue.firmware(caller.organisationId(), p).stream()
                        .map(FirmwareView::of).toList()))
                .orElseGet(() -> Answers.notFound("product " + model));
    }

    @PostMapping("/{model}/firmware")
    ResponseEntity<?> addFirmware(RenkeiPrincipal caller, @PathVariable String model,
            @RequestBody FirmwareRequest request) {
        FirmwareDraft draft = new FirmwareDraft(request.version(), Answers.date("releaseDate", request.releaseDate()),
                request.fixes() == null ? "" : request.fixes());
        return Answers.of(catalogue.addFirmware(caller.organisationId(), caller.actor(), model, draft),
                f -> new FirmwareView(f.version(), f.releaseDate().orElse(null), f.fixes(), false, 0, 0, 0));
    }

    @ExceptionHandler(Answers.BadField.class)
    ResponseEntity<Map<String, String>> badField(Answers.BadField e) {
        return Answers.bad(e.field, e.getMessage());
    }

    private ProductView shown(Product p) {
        return ProductView.of(p, p.lifecycle(catalogue.today()));
    }

    private ProductView detail(long org, Product p) {
        List<FirmwareView> firmware = catalogue.firmware(org, p).stream().map(FirmwareView::of).toList();
        return shown(p).with(firmware.size(), firmware.stream().mapToInt(FirmwareView::openFindings).sum(),
                catalogue.hardwareRevisions(org, p).stream().map(HardwareRevision::revision).toList(), firmware);
    }

    private static ProductDraft draft(ProductRequest r) {
        String mechanism = r.updateMechanism() == null || r.updateMechanism().isBlank() ? "user-applied"
                : r.updateMechanism();
        UpdateMechanism parsed = UpdateMechanism.fromCode(mechanism).orElseThrow(() -> new Answers.BadField(
                "updateMechanism", "updateMechanism '" + mechanism + "' is not one of automatic, user-applied, on-site"));
        return new ProductDraft(r.modelNumber(), r.name(), parsed, Answers.date("endOfSale", r.endOfSale()),
                Answers.date("endOfSupport", r.endOfSupport()), r.supportPeriod() == null ? "" : r.supportPeriod());
    }
}
