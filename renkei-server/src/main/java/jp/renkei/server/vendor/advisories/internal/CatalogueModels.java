package jp.renkei.server.vendor.advisories.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads device models and their firmware from the catalogue tables; always within one organisation. */
@Component
class CatalogueModels {

    /** A model with its end of support and its firmware versions in release order. */
    record Model(long productId, String modelNumber, String name, Optional<java.time.LocalDate> endOfSupport,
            List<String> firmware) {}

    private final JdbcClient jdbc;

    CatalogueModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The models with these product ids, by id. */
    Map<Long, Model> byId(long organisationId, Collection<Long> productIds) {
        Map<Long, Model> models = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return models;
        }
        Long[] ids = productIds.toArray(Long[]::new);
        jdbc.sql("""
                select id, model_number, name, end_of_support from product
                where organisation_id = ? and id = any(?) order by model_number""")
                .params(organisationId, ids)
                .query((rs, i) -> new Model(rs.getLong("id"), rs.getString("model_number"), rs.getString("name"),
                        Optional.ofNullable(rs.getDate("end_of_support")).map(Date::toLocalDate), new ArrayList<>()))
                .list().forEach(m -> models.put(m.productId(), m));
        jdbc.sql("select product_id, version from firmware where organisation_id = ? and product_id = any(?)")
                .params(organisationId, ids)
                .query((rs, i) -> Map.entry(rs.getLong("product_id"), rs.getString("version")))
                .list().forEach(e -> models.get(e.getKey()).firmware().add(e.getValue()));
        models.replaceAll((id, m) -> new Model(m.productId(), m.modelNumber(), m.name(), m.endOfSupport(),
                m.firmware().stream().sorted(FirmwareOrder.INSTANCE).toList()));
        return models;
    }

    /** The organisation's model numbers and names, for the owners' registration form. */
    List<Map.Entry<String, String>> names(long organisationId) {
        return jdbc.sql("select model_number, name from product where organisation_id = ? order by model_number")
                .param(organisationId)
                .query((rs, i) -> Map.entry(rs.getString("model_number"), rs.getString("name"))).list();
    }

    Optional<Long> productId(long organisationId, String modelNumber) {
        return jdbc.sql("select id from product where organisation_id = ? and model_number = ?")
                .params(organisationId, modelNumber.strip()).query(Long.class).optional();
    }
}
