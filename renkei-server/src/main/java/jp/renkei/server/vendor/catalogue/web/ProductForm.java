package jp.renkei.server.vendor.catalogue.web;

import java.time.LocalDate;
import java.util.Optional;

import jp.renkei.server.vendor.catalogue.Product;
import jp.renkei.server.vendor.catalogue.ProductDraft;
import jp.renkei.server.vendor.catalogue.UpdateMechanism;

/** The product form's fields as typed, so a refused form comes back with what the user entered. */
record ProductForm(String modelNumber, String name, String updateMechanism, String endOfSale, String endOfSupport,
        String supportPeriod) {

    static ProductForm empty() {
        return new ProductForm("", "", UpdateMechanism.USER_APPLIED.code(), "", "", "");
    }

    static ProductForm of(Product p) {
        return new ProductForm(p.modelNumber(), p.name(), p.updateMechanism().code(),
                p.endOfSale().map(LocalDate::toString).orElse(""), p.endOfSupport().map(LocalDate::toString).orElse(""),
                p.supportPeriod());
    }

    /** The draft, or a {@link Answers.BadField} naming the field that cannot be read. */
    ProductDraft draft() {
        UpdateMechanism mechanism = UpdateMechanism.fromCode(Optional.ofNullable(updateMechanism).orElse(""))
                .orElseThrow(() -> new Answers.BadField("updateMechanism", "updateMechanism '" + updateMechanism
                        + "' is not one of automatic, user-applied, on-site"));
        return new ProductDraft(modelNumber, name, mechanism, Answers.date("endOfSale", endOfSale),
                Answers.date("endOfSupport", endOfSupport), Optional.ofNullable(supportPeriod).orElse(""));
    }
}
