package jp.renkei.server.attribution.internal;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.NasClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nas_client table. Addresses are unique across organisations: a packet's source names its tenant. */
@Repository
public class NasClientStore {

    private final JdbcClient jdbc;

    NasClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every client of every organisation (the receiver's lookup table). */
    public List<NasClient> all() {
        return jdbc.sql("select host(address) as address, organisation_id, name, secret, subscriber_attribute"
                + " from nas_client order by address").query((rs, i) -> row(rs)).list();
    }

    /** One organisation's clients. */
    public List<NasClient> of(long organisationId) {
        return jdbc.sql("select host(address) as address, organisation_id, name, secret, subscriber_attribute"
                + " from nas_client where organisation_id = ? order by address")
                .param(organisationId).query((rs, i) -> row(rs)).list();
    }

    /**
     * Inserts or replaces the organisation's client at this address; false when the address
     * belongs to another organisation (left untouched).
     */
    public boolean put(NasClient c) {
        return jdbc.sql("""
                insert into nas_client (address, organisation_id, name, secret, subscriber_attribute)
                values (cast(? as inet), ?, ?, ?, ?)
                on conflict (address) do update set name = excluded.name, secret = excluded.secret,
                    subscriber_attribute = excluded.subscriber_attribute, updated_at = now()
                where nas_client.organisation_id = excluded.organisation_id""")
                .params(c.address(), c.organisationId(), c.name(), c.secret(), c.subscriberAttribute().code())
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

    private static NasClient row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new NasClient(rs.getString("address"), rs.getLong("organisation_id"), rs.getString("name"),
                rs.getString("secret"), SubscriberAttribute.parse(rs.getString("subscriber_attribute"))
                        .orElse(SubscriberAttribute.USER_NAME));
    }
}
