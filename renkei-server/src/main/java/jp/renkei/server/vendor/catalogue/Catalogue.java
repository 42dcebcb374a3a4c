package jp.renkei.server.vendor.catalogue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.vendor.catalogue.internal.CatalogueStore;
import jp.renkei.server.vendor.catalogue.internal.CatalogueKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's products, hardware revisions and firmware versions. Every method takes the caller's
 * organisation; another organisation's product is simply not found. Changes are written to the
 * audit log with the actor.
 */
@Service
public class Catalogue {

    private final CatalogueStore store;
    private final AuditLog audit;
    private final ZoneId zone;

    Catalogue(CatalogueStore store, AuditLog audit, @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.store = store;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    /** Today where the vendor is (the display zone): the day lifecycles are judged on. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Every product of the organisation with its lifecycle today and its counts, by model number. */
    public List<ProductOverview> products(long organisationId) {
        LocalDate today = today();
        return store.products(organisationId).stream()
                .map(r -> new ProductOverview(r.product(), r.product().lifecycle(today), r.firmwareVersions(),
                        r.openFindings()))
                .toList();
    }

    public Optional<Product> product(long organisationId, String modelNumber) {
        return store.product(organisationId, modelNumber);
    }

    /** Adds a product; a model number already in the catalogue is a conflict. */
    @Transactional
    public CatalogueResult<Product> createProduct(long organisationId, String actor, ProductDraft draft) {
        Optional<CatalogueResult<Product>> invalid = check(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        ProductDraft clean = strip(draft);
        return store.insertProduct(organisationId, clean)
                .<CatalogueResult<Product>>map(p -> {
                    audit.record(organisationId, actor, "product.created", p.modelNumber(), p.name());
                    return new CatalogueResult.Saved<>(p);
                })
                .orElseGet(() -> new CatalogueResult.Conflict<>("modelNumber",
                        "model number '" + clean.modelNumber() + "' is already in the catalogue"));
    }

    /** Changes a product, its model number included. */
    @Transactional
    public CatalogueResult<Product> updateProduct(long organisationId, String actor, String modelNumber,
            ProductDraft draft) {
        Optional<Product> existing = store.product(organisationId, modelNumber);
        if (existing.isEmpty()) {
            return new CatalogueResult.NotFound<>("product " + modelNumber);
        }
        Optional<CatalogueResult<Product>> invalid = check(draft);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        ProductDraft clean = strip(draft);
        return store.updateProduct(organisationId, existing.get().id(), clean)
                .<CatalogueResult<Product>>map(p -> {
                    audit.record(organisationId, actor, "product.changed", modelNumber, p.modelNumber() + " " + p.name());
                    return new CatalogueResult.Saved<>(p);
                })
                .orElseGet(() -> new CatalogueResult.Conflict<>("modelNumber",
                        "model number '" + clean.modelNumber() + "' is another product's"));
    }

    public List<HardwareRevision> hardwareRevisions(long organisationId, Product product) {
        return store.hardwareRevisions(organisationId, product.id());
    }

    /** Adds a hardware revision to a product. */
    @Transactional
    public CatalogueResult<HardwareRevision> addHardwareRevision(long organisationId, String actor, String modelNumber,
            String revision) {
        Optional<Product> product = store.product(organisationId, modelNumber);
        if (product.isEmpty()) {
            return new CatalogueResult.NotFound<>("product " + modelNumber);
        }
        Optional<String> problem = CatalogueKeys.problem("hardware revision", revision);
        if (problem.isPresent()) {
            return new CatalogueResult.Invalid<>("revision", problem.get());
        }
        return store.insertHardwareRevision(organisationId, product.get().id(), revision.strip())
                .<CatalogueResult<HardwareRevision>>map(r -> {
                    audit.record(organisationId, actor, "hardware-revision.added", modelNumber, r.revision());
                    return new CatalogueResult.Saved<>(r);
                })
                .orElseGet(() -> new CatalogueResult.Conflict<>("revision",
                        modelNumber + " already has hardware revision '" + revision.strip() + "'"));
    }

    /** A product's firmware versions, newest release first, with SBOM and finding counts. */
    public List<FirmwareOverview> firmware(long organisationId, Product product) {
        return store.firmware(organisationId, product.id()).stream()
                .map(r -> new FirmwareOverview(r.firmware(), r.hasSbom(), r.components(), r.findings(), r.openFindings()))
                .toList();
    }

    public Optional<Firmware> firmware(long organisationId, Product product, String version) {
        return store.firmware(organisationId, product.id(), version);
    }

    /** Adds a firmware version to a product. */
    @Transactional
    public CatalogueResult<Firmware> addFirmware(long organisationId, String actor, String modelNumber,
            FirmwareDraft draft) {
        Optional<Product> product = store.product(organisationId, modelNumber);
        if (product.isEmpty()) {
            return new CatalogueResult.NotFound<>("product " + modelNumber);
        }
        Optional<String> problem = CatalogueKeys.problem("firmware version", draft.version());
        if (problem.isPresent()) {
            return new CatalogueResult.Invalid<>("version", problem.get());
        }
        String version = draft.version().strip();
        return store.insertFirmware(organisationId, product.get().id(),
                        new FirmwareDraft(version, draft.releaseDate(), draft.fixes().strip()))
                .<CatalogueResult<Firmware>>map(f -> {
                    audit.record(organisationId, actor, "firmware.added", modelNumber, version);
                    return new CatalogueResult.Saved<>(f);
                })
                .orElseGet(() -> new CatalogueResult.Conflict<>("version",
                        modelNumber + " already has firmware " + version));
    }

    private static Optional<CatalogueResult<Product>> check(ProductDraft d) {
        Optional<String> model = CatalogueKeys.problem("model number", d.modelNumber());
        if (model.isPresent()) {
            return Optional.of(new CatalogueResult.Invalid<>("modelNumber", model.get()));
        }
        if (d.name() == null || d.name().isBlank()) {
            return Optional.of(new CatalogueResult.Invalid<>("name", "name is required"));
        }
        if (d.endOfSale().isPresent() && d.endOfSupport().isPresent()
                && d.endOfSupport().get().isBefore(d.endOfSale().get())) {
            return Optional.of(new CatalogueResult.Invalid<>("endOfSupport", "end of support "
                    + d.endOfSupport().get() + " is before end of sale " + d.endOfSale().get()));
        }
        return Optional.empty();
    }

    private static ProductDraft strip(ProductDraft d) {
        return new ProductDraft(d.modelNumber().strip(), d.name().strip(), d.updateMechanism(), d.endOfSale(),
                d.endOfSupport(), d.supportPeriod() == null ? "" : d.supportPeriod().strip());
    }
}
