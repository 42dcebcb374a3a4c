package jp.renkei.server.vendor.psirt.internal;

import java.util.List;
import java.util.Optional;

import jp.renkei.server.vendor.psirt.VulnerabilityRecords.CatalogueProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the vendor's catalogue (products and firmware) for the PSIRT; always within one organisation. */
@Component
class CatalogueLookup {

    private final JdbcClient jdbc;

    CatalogueLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> productId(long organisationId, String modelNumber) {
        return jdbc.sql("select id from product where organisation_id = ? and model_number = ?")
                .params(organisationId, modelNumber.strip()).query(Long.class).optional();
    }

    Optional<Long> firmwareId(long organisationId, long productId, String version) {
        return jdbc.sql("select id from firmware where organisation_id = ? and product_id = ? and version = ?")
                .params(organisationId, productId, version.strip()).query(Long.class).optional();
    }

    List<CatalogueProduct> products(long organisationId) {
        return jdbc.sql("select id, model_number, name from product where organisation_id = ? order by model_number")
                .param(organisationId)
                .query((rs, i) -> new CatalogueProduct(rs.getLong("id"), rs.getString("model_number"), rs.getString("name")))
                .list();
    }
}
