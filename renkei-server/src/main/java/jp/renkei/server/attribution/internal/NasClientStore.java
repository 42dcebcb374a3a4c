package jp.renkei.server.attribution.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.NasClient;
import jp.renkei.server.platform.SealedColumn;
import jp.renkei.server.platform.SecretBox;
import jp.renkei.server.platform.SecretColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The nas_client table. Addresses are unique across organisations: a packet's source names its
 * tenant. Shared secrets are stored sealed ({@link SecretBox}); a client whose secret does not
 * open is left out (logged), so its packets are dropped as from an unknown client until its
 * secret is entered again.
 */
@Repository
public class NasClientStore implements SecretColumns {

    /** The shared secret, sealed: RFC 2866 authenticators need it in clear. */
    static final SealedColumn SECRET = new SealedColumn("nas_client", "secret");

    private static final Logger log = LoggerFactory.getLogger(NasClientStore.class);

    private final JdbcClient jdbc;
    private final SecretBox box;

    NasClientStore(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SECRET);
    }

    /** Every client of every organisation (the receiver's lookup table). */
    public List<NasClient> all() {
        return jdbc.sql("select host(address) as address, organisation_id, name, secret, subscriber_attribute"
                + " from nas_client order by address").query((rs, i) -> row(rs)).list()
                .stream().flatMap(Optional::stream).toList();
    }

    /** One organisation's clients. */
    public List<NasClient> of(long organisationId) {
        return jdbc.sql("select host(address) as address, organisation_id, name, secret, subscriber_attribute"
                + " from nas_client where organisation_id = ? order by address")
                .param(organisationId).query((rs, i) -> row(rs)).list()
                .stream().flatMap(Optional::stream).toList();
    }

    /**
     * Inserts or replaces the organisation's client at this address, its secret sealed; false
     * when the address belongs to another organisation (left untouched).
     */
    public boolean put(NasClient c) {
        return jdbc.sql("""
                insert into nas_client (address, organisation_id, name, secret, subscriber_attribute)
                values (cast(? as inet), ?, ?, ?, ?)
                on conflict (address) do update set name = excluded.name, secret = excluded.secret,
                    subscriber_attribute = excluded.subscriber_attribute, updated_at = now()
                where nas_client.organisation_id = excluded.organisation_id""")
                .params(c.address(), c.organisationId(), c.name(), box.seal(SECRET, c.secret()),
                        c.subscriberAttribute().code())
                .update() == 1;
    }

    /** Removes the organisation's client at this address; false when it had none there. */
    public boolean delete(long organisationId, String address) {
        return jdbc.sql("delete from nas_client where organisation_id = ? and address = cast(? as inet)")
                .params(organisationId, address).update() == 1;
    }

    /** The first (bootstrap) organisation, which owns packets signed with the default loopback secret. */
    public Optional<Long> firstOrganisation() {
        return jdbc.sql("select min(id) from organisation").query(Long.class).optional();
    }

    private Optional<NasClient> row(ResultSet rs) throws SQLException {
        String address = rs.getString("address");
        long organisationId = rs.getLong("organisation_id");
        String secret;
        try {
            secret = box.open(SECRET, rs.getString("secret"));
        } catch (SecretBox.UnreadableSecretException e) {
            log.warn("NAS client {} of organisation {} is ignored, its packets dropped as from an unknown client: {}",
                    address, organisationId, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new NasClient(address, organisationId, rs.getString("name"),
                secret, SubscriberAttribute.parse(rs.getString("subscriber_attribute"))
                        .orElse(SubscriberAttribute.USER_NAME)));
    }
}
