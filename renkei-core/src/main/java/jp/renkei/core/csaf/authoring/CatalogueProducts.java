package jp.renkei.core.csaf.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.renkei.core.csaf.Branch;
import jp.renkei.core.csaf.FullProductName;
import jp.renkei.core.csaf.ProductTree;
import jp.renkei.core.csaf.Relationship;

/**
 * The product tree of an advisory, built from the catalogue: branches vendor → model → firmware
 * version, each device model as a full product name (with its model number), and one
 * {@code installed_on} relationship per firmware and model it runs on. Statuses and remediations refer
 * to those installed combinations, because an owner has a model running a firmware.
 */
final class CatalogueProducts {

    private final ProductTree tree;
    private final Map<String, ProductCatalogue.Model> models = new LinkedHashMap<>();
    private final Map<FirmwareRef, List<String>> installed = new LinkedHashMap<>();

    CatalogueProducts(ProductCatalogue catalogue, AuthoringText text, List<String> problems) {
        catalogue.models().forEach(m -> {
            if (models.putIfAbsent(m.modelNumber(), m) != null) {
                problems.add("model " + m.modelNumber() + " is listed twice in the catalogue");
            }
        });
        List<Branch> modelBranches = new ArrayList<>();
        List<FullProductName> hardware = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ProductCatalogue.Model model : models.values()) {
            hardware.add(new FullProductName(hardwareId(model), catalogue.vendor() + " " + model.name(),
                    new FullProductName.Identification(Optional.empty(), Optional.empty(),
                            List.of(model.modelNumber()), List.of(), List.of())));
            List<Branch> versions = new ArrayList<>();
            for (ProductCatalogue.Firmware firmware : model.firmware()) {
                String firmwareId = "FW:" + model.modelNumber() + ":" + firmware.version();
                if (!ids.add(firmwareId)) {
                    problems.add(model.modelNumber() + " lists firmware " + firmware.version() + " twice");
                    continue;
                }
                versions.add(Branch.leaf(Branch.Category.PRODUCT_VERSION, firmware.version(), new FullProductName(
                        firmwareId, text.firmwareName(catalogue.vendor(), model.name(), firmware.version()))));
                List<String> targets = new ArrayList<>();
                targets.add(model.modelNumber());
                targets.addAll(firmware.alsoRunsOn());
                for (String target : targets) {
                    ProductCatalogue.Model device = models.get(target);
                    if (device == null) {
                        problems.add(model.modelNumber() + " firmware " + firmware.version()
                                + " runs on model " + target + ", which the catalogue does not list");
                        continue;
                    }
                    String combinedId = firmwareId + "@" + hardwareId(device);
                    String name = text.installedOn(catalogue.vendor() + " " + model.name(), firmware.version(),
                            device.name());
                    relationships.add(new Relationship(Relationship.Category.INSTALLED_ON, firmwareId,
                            hardwareId(device), new FullProductName(combinedId, name)));
                    installed.computeIfAbsent(new FirmwareRef(target, firmware.version()), k -> new ArrayList<>())
                            .add(combinedId);
                }
            }
            if (!versions.isEmpty()) {
                modelBranches.add(Branch.of(Branch.Category.PRODUCT_NAME, model.name(), versions));
            }
        }
        List<Branch> branches = modelBranches.isEmpty() ? List.of()
                : List.of(Branch.of(Branch.Category.VENDOR, catalogue.vendor(), modelBranches));
        tree = new ProductTree(branches, hardware, relationships, List.of());
    }

    private static String hardwareId(ProductCatalogue.Model model) {
        return "HW:" + model.modelNumber();
    }

    ProductTree tree() {
        return tree;
    }

    /** The product id of {@code firmware} installed on its model, or a problem when unknown or ambiguous. */
    Optional<String> productId(FirmwareRef firmware, List<String> problems, String where) {
        List<String> ids = installed.getOrDefault(firmware, List.of());
        if (ids.size() == 1) {
            return Optional.of(ids.get(0));
        }
        problems.add(where + ": " + firmware + (ids.isEmpty()
                ? " is not in the catalogue (or the catalogue does not say it runs on that model)"
                : " is ambiguous: more than one firmware image with that version runs on the model"));
        return Optional.empty();
    }

    /** The catalogue entry of a model. */
    Optional<ProductCatalogue.Model> model(String modelNumber) {
        return Optional.ofNullable(models.get(modelNumber));
    }

    /** The model a combined product id is installed on. */
    String deviceModelOf(String productId) {
        return productId.substring(productId.lastIndexOf("@HW:") + 4);
    }
}
