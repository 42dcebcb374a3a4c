package jp.renkei.server.vendor.catalogue.web;

import java.util.Optional;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.catalogue.Catalogue;
import jp.renkei.server.vendor.catalogue.CatalogueResult;
import jp.renkei.server.vendor.catalogue.FirmwareDraft;
import jp.renkei.server.vendor.catalogue.Product;
import jp.renkei.server.vendor.catalogue.UpdateMechanism;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The catalogue pages: the product list with lifecycle badges, a product with its firmware, and the forms. */
@Controller
class CataloguePages {

    private final Catalogue catalogue;

    CataloguePages(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @ModelAttribute("mechanisms")
    UpdateMechanism[] mechanisms() {
        return UpdateMechanism.values();
    }

    @GetMapping("/vendor/products")
    String products(RenkeiPrincipal caller, Model model) {
        model.addAttribute("products", catalogue.products(caller.organisationId()));
        model.addAttribute("today", catalogue.today());
        return "vendor/catalogue/products";
    }

    @GetMapping("/vendor/products/new")
    String newProduct(RenkeiPrincipal caller, Model model) {
        requireWriter(caller);
        model.addAttribute("form", ProductForm.empty());
        model.addAttribute("editing", Optional.empty());
        return "vendor/catalogue/product-form";
    }

    @PostMapping("/vendor/products")
    String create(RenkeiPrincipal caller, @ModelAttribute ProductForm form, Model model) {
        requireWriter(caller);
        CatalogueResult<Product> result = save(() -> catalogue.createProduct(caller.organisationId(), caller.actor(),
                form.draft()));
        return afterSave(result, form, Optional.empty(), model);
    }

    @GetMapping("/vendor/products/{model}")
    String product(RenkeiPrincipal caller, @PathVariable("model") String modelNumber, Model model) {
        Product product = find(caller, modelNumber);
        model.addAttribute("product", product);
        model.addAttribute("lifecycle", product.lifecycle(catalogue.today()));
        model.addAttribute("endOfSaleReached", product.endOfSaleReached(catalogue.today()));
        model.addAttribute("revisions", catalogue.hardwareRevisions(caller.organisationId(), product));
        model.addAttribute("firmware", catalogue.firmware(caller.organisationId(), product));
        return "vendor/catalogue/product";
    }

    @GetMapping("/vendor/products/{model}/edit")
    String edit(RenkeiPrincipal caller, @PathVariable("model") String modelNumber, Model model) {
        requireWriter(caller);
        Product product = find(caller, modelNumber);
        model.addAttribute("form", ProductForm.of(product));
        model.addAttribute("editing", Optional.of(product.modelNumber()));
        return "vendor/catalogue/product-form";
    }

    @PostMapping("/vendor/products/{model}")
    String update(RenkeiPrincipal caller, @PathVariable("model") String modelNumber, @ModelAttribute ProductForm form,
            Model model) {
        requireWriter(caller);
        CatalogueResult<Product> result = save(() -> catalogue.updateProduct(caller.organisationId(), caller.actor(),
                modelNumber, form.draft()));
        return afterSave(result, form, Optional.of(modelNumber), model);
    }

    @PostMapping("/vendor/products/{model}/hardware-revisions")
    String addRevision(RenkeiPrincipal caller, @PathVariable("model") String modelNumber,
            @RequestParam String revision, RedirectAttributes redirect) {
        requireWriter(caller);
        flash(catalogue.addHardwareRevision(caller.organisationId(), caller.actor(), modelNumber, revision), redirect);
        return "redirect:" + productPath(modelNumber);
    }

    @PostMapping("/vendor/products/{model}/firmware")
    String addFirmware(RenkeiPrincipal caller, @PathVariable("model") String modelNumber, @RequestParam String version,
            @RequestParam(defaultValue = "") String releaseDate, @RequestParam(defaultValue = "") String fixes,
            RedirectAttributes redirect) {
        requireWriter(caller);
        CatalogueResult<?> result = save(() -> catalogue.addFirmware(caller.organisationId(), caller.actor(),
                modelNumber, new FirmwareDraft(version, Answers.date("releaseDate", releaseDate), fixes)));
        flash(result, redirect);
        return "redirect:" + productPath(modelNumber);
    }

    static String productPath(String modelNumber) {
        return "/vendor/products/" + UriUtils.encodePathSegment(modelNumber, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String afterSave(CatalogueResult<Product> result, ProductForm form, Optional<String> editing, Model model) {
        if (result instanceof CatalogueResult.Saved<Product> saved) {
            return "redirect:" + productPath(saved.value().modelNumber());
        }
        if (result instanceof CatalogueResult.NotFound<Product>) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("error", reason(result));
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        return "vendor/catalogue/product-form";
    }

    private static void flash(CatalogueResult<?> result, RedirectAttributes redirect) {
        if (result instanceof CatalogueResult.NotFound<?>) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!(result instanceof CatalogueResult.Saved<?>)) {
            redirect.addFlashAttribute("error", reason(result));
        }
    }

    private static String reason(CatalogueResult<?> result) {
        if (result instanceof CatalogueResult.Invalid<?> invalid) {
            return invalid.reason();
        }
        return result instanceof CatalogueResult.Conflict<?> conflict ? conflict.reason() : "";
    }

    // A date the form could not read is refused like any other invalid field.
    private static <T> CatalogueResult<T> save(java.util.function.Supplier<CatalogueResult<T>> change) {
        try {
            return change.get();
        } catch (Answers.BadField e) {
            return new CatalogueResult.Invalid<>(e.field, e.getMessage());
        }
    }

    private Product find(RenkeiPrincipal caller, String modelNumber) {
        return catalogue.product(caller.organisationId(), modelNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    // SecurityConfig lets every role GET pages; forms for changes are for writers only.
    static void requireWriter(RenkeiPrincipal caller) {
        if (!caller.canWrite()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
