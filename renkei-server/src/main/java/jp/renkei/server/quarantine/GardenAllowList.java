package jp.renkei.server.quarantine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.renkei.core.quarantine.AllowedDestination;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.quarantine.internal.EnforcementLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The destinations a quarantined subscriber can still reach, per organisation: vendor firmware
 * sites and the portal. A change regenerates the policy zones through the ledger.
 */
@Service
public class GardenAllowList {

    /** One allow-listed destination with its id (for removal) and a note saying what it is. */
    public record Entry(long id, AllowedDestination destination, String note) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final EnforcementLedger ledger;

    GardenAllowList(JdbcClient jdbc, AuditLog audit, EnforcementLedger ledger) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.ledger = ledger;
    }

    /** The organisation's entries, by name. */
    public List<Entry> list(long organisationId) {
        return jdbc.sql("select id, name, note from garden_allowed_destination where organisation_id = ? order by name")
                .param(organisationId)
                .query((rs, i) -> new Entry(rs.getLong("id"), AllowedDestination.parse(rs.getString("name")),
                        rs.getString("note")))
                .list();
    }

    /** The destinations alone, as the zone writer and the garden page need them. */
    public List<AllowedDestination> destinations(long organisationId) {
        return list(organisationId).stream().map(Entry::destination).toList();
    }

    /**
     * Adds {@code host.example} (that name) or {@code *.host.example} (the names below it); adding
     * one that is there changes nothing. Audited.
     *
     * @throws IllegalArgumentException naming the field when the name is no host name
     */
    @Transactional
    public AllowedDestination add(long organisationId, String name, String note, String actor, Instant at) {
        AllowedDestination d;
        try {
            d = AllowedDestination.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("name: " + e.getMessage());
        }
        int added = jdbc.sql("""
                insert into garden_allowed_destination (organisation_id, name, note, added_by, added_at)
                values (?, ?, ?, ?, ?) on conflict (organisation_id, name) do nothing""")
                .params(organisationId, d.ownerName(), note == null ? "" : note.strip(), actor, Timestamp.from(at))
                .update();
        if (added > 0) {
            audit.record(organisationId, actor, "garden-allow-added", d.ownerName(), note == null ? "" : note.strip());
            ledger.enqueueSync(organisationId, at);
        }
        return d;
    }

    /** Removes an entry of the organisation; false when it has none with this id. Audited. */
    @Transactional
    public boolean remove(long organisationId, long id, String actor, Instant at) {
        List<String> removed = jdbc.sql("delete from garden_allowed_destination where organisation_id = ? and id = ? returning name")
                .params(organisationId, id)
                .query(String.class)
                .list();
        if (removed.isEmpty()) {
            return false;
        }
        audit.record(organisationId, actor, "garden-allow-removed", removed.get(0), "");
        ledger.enqueueSync(organisationId, at);
        return true;
    }
}
