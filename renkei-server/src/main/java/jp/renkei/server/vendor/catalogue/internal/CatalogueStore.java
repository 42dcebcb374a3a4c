package jp.renkei.server.vendor.catalogue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.vendor.catalogue.Firmware;
import jp.renkei.server.vendor.catalogue.FirmwareDraft;
import jp.renkei.server.vendor.catalogue.HardwareRevision;
import jp.renkei.server.vendor.catalogue.Product;
import jp.renkei.server.vendor.catalogue.ProductDraft;
import jp.renkei.server.vendor.catalogue.UpdateMechanism;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product, hardware_revision and firmware tables; every query is scoped to one organisation. */
@Repository
public class CatalogueStore {

    /** Which findings count as open: those the SBOM's VEX does not dismiss. */
    static final String OPEN_FINDING = "coalesce(vex_state, '') not in ('not_affected', 'false_positive', 'resolved',"
            + " 'resolved_with_pedigree')";

    /** A product row and its counts. */
    public record ProductRow(Product product, int firmwareVersions, int openFindings) {}

    /** A firmware row and its counts. */
    public record FirmwareRow(Firmware firmware, boolean hasSbom, int components, int findings, int openFindings) {}

    private final JdbcClient jdbc;

    CatalogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every product, by model number, with counts. */
    public List<ProductRow> products(long org) {
        return jdbc.sql("""
                select p.*,
                    (select count(*) from firmware f where f.product_id = p.id) as firmware_versions,
                    (select count(*) from finding x join firmware f on f.id = x.firmware_id
                      where f.product_id = p.id and %s) as open_findings
                from product p where p.organisation_id = ? order by p.model_number""".formatted(OPEN_FINDING))
                .param(org)
                .query((rs, i) -> new ProductRow(product(rs), rs.getInt("firmware_versions"), rs.getInt("open_findings")))
                .list();
    }

    public Optional<Product> product(long org, String modelNumber) {
        return jdbc.sql("select * from product where organisation_id = ? and model_number = ?")
                .params(org, modelNumber).query((rs, i) -> product(rs)).optional();
    }

    /** Inserts a product; empty when the organisation already has this model number. */
    public Optional<Product> insertProduct(long org, ProductDraft d) {
        return jdbc.sql("""
                insert into product (organisation_id, model_number, name, update_mechanism, end_of_sale, end_of_support,
                    support_period)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (organisation_id, model_number) do nothing returning *""")
                .params(org, d.modelNumber(), d.name(), d.updateMechanism().code(), date(d.endOfSale()),
                        date(d.endOfSupport()), d.supportPeriod())
                .query((rs, i) -> product(rs)).optional();
    }

    /** Changes a product; empty when the new model number is another product's. */
    public Optional<Product> updateProduct(long org, long id, ProductDraft d) {
        boolean taken = jdbc.sql("select count(*) from product where organisation_id = ? and model_number = ? and id <> ?")
                .params(org, d.modelNumber(), id).query(Integer.class).single() > 0;
        if (taken) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update product set model_number = ?, name = ?, update_mechanism = ?, end_of_sale = ?, end_of_support = ?,
                    support_period = ?
                where organisation_id = ? and id = ? returning *""")
                .params(d.modelNumber(), d.name(), d.updateMechanism().code(), date(d.endOfSale()),
                        date(d.endOfSupport()), d.supportPeriod(), org, id)
                .query((rs, i) -> product(rs)).optional();
    }

    /** The product with this model number, created (named after it, user-applied updates) when missing. */
    public Product ensureProduct(long org, String modelNumber) {
        jdbc.sql("""
                insert into product (organisation_id, model_number, name) values (?, ?, ?)
                on conflict (organisation_id, model_number) do nothing""")
                .params(org, modelNumber, modelNumber).update();
        return product(org, modelNumber).orElseThrow();
    }

    public List<HardwareRevision> hardwareRevisions(long org, long productId) {
        return jdbc.sql("""
                select id, product_id, revision from hardware_revision
                where organisation_id = ? and product_id = ? order by revision""")
                .params(org, productId)
                .query((rs, i) -> new HardwareRevision(rs.getLong("id"), rs.getLong("product_id"), rs.getString("revision")))
                .list();
    }

    /** Adds a hardware revision; empty when the product already has it. */
    public Optional<HardwareRevision> insertHardwareRevision(long org, long productId, String revision) {
        return jdbc.sql("""
                insert into hardware_revision (organisation_id, product_id, revision) values (?, ?, ?)
                on conflict (product_id, revision) do nothing returning id, product_id, revision""")
                .params(org, productId, revision)
                .query((rs, i) -> new HardwareRevision(rs.getLong("id"), rs.getLong("product_id"), rs.getString("revision")))
                .optional();
    }

    /** A product's firmware versions, newest release first, with their SBOM and finding counts. */
    public List<FirmwareRow> firmware(long org, long productId) {
        return jdbc.sql("""
                select f.*, s.firmware_id is not null as has_sbom,
                    (select count(*) from sbom_component c where c.firmware_id = f.id) as components,
                    (select count(*) from finding x where x.firmware_id = f.id) as findings,
                    (select count(*) from finding x where x.firmware_id = f.id and %s) as open_findings
                from firmware f left join firmware_sbom s on s.firmware_id = f.id
                where f.organisation_id = ? and f.product_id = ?
                order by f.release_date desc nulls last, f.created_at desc""".formatted(OPEN_FINDING))
                .params(org, productId)
                .query((rs, i) -> new FirmwareRow(firmware(rs), rs.getBoolean("has_sbom"), rs.getInt("components"),
                        rs.getInt("findings"), rs.getInt("open_findings")))
                .list();
    }

    public Optional<Firmware> firmware(long org, long productId, String version) {
        return jdbc.sql("select * from firmware where organisation_id = ? and product_id = ? and version = ?")
                .params(org, productId, version).query((rs, i) -> firmware(rs)).optional();
    }

    /** Adds a firmware version; empty when the product already has it. */
    public Optional<Firmware> insertFirmware(long org, long productId, FirmwareDraft d) {
        return jdbc.sql("""
                insert into firmware (organisation_id, product_id, version, release_date, fixes) values (?, ?, ?, ?, ?)
                on conflict (product_id, version) do nothing returning *""")
                .params(org, productId, d.version(), date(d.releaseDate()), d.fixes())
                .query((rs, i) -> firmware(rs)).optional();
    }

    /** The firmware version, created (without release date) when missing. */
    public Firmware ensureFirmware(long org, long productId, String version) {
        jdbc.sql("""
                insert into firmware (organisation_id, product_id, version) values (?, ?, ?)
                on conflict (product_id, version) do nothing""")
                .params(org, productId, version).update();
        return firmware(org, productId, version).orElseThrow();
    }

    /** Locks the firmware row, so two matchings of one firmware (an SBOM upload, an import) take turns. */
    public void lockFirmware(long org, long firmwareId) {
        jdbc.sql("select id from firmware where organisation_id = ? and id = ? for update").params(org, firmwareId)
                .query(Long.class).single();
    }

    static Product product(ResultSet rs) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("model_number"), rs.getString("name"),
                UpdateMechanism.fromCode(rs.getString("update_mechanism")).orElseThrow(),
                localDate(rs, "end_of_sale"), localDate(rs, "end_of_support"), rs.getString("support_period"),
                rs.getTimestamp("created_at").toInstant());
    }

    static Firmware firmware(ResultSet rs) throws SQLException {
        return new Firmware(rs.getLong("id"), rs.getLong("product_id"), rs.getString("version"),
                localDate(rs, "release_date"), rs.getString("fixes"), rs.getTimestamp("created_at").toInstant());
    }

    private static Optional<LocalDate> localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
    }

    private static Date date(Optional<LocalDate> d) {
        return d.map(Date::valueOf).orElse(null);
    }
}
