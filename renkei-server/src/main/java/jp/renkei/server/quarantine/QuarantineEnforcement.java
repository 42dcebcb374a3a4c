package jp.renkei.server.quarantine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.renkei.server.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's enforcement settings (administrators edit them); off until configured. */
@Service
public class QuarantineEnforcement {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    QuarantineEnforcement(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The organisation's settings; {@link EnforcementSettings#off()} when never saved. */
    public EnforcementSettings settings(long organisationId) {
        return jdbc.sql("select * from quarantine_enforcement where organisation_id = ?")
                .param(organisationId)
                .query((rs, i) -> new EnforcementSettings(rs.getString("radius_action"), rs.getInt("coa_port"),
                        rs.getString("filter_id"), EnforcementSettings.lines(rs.getString("vendor_attributes")),
                        rs.getString("release_filter_id"),
                        EnforcementSettings.lines(rs.getString("release_vendor_attributes")),
                        rs.getBoolean("rpz_enabled"), rs.getString("garden_ipv4"), rs.getString("garden_ipv6"),
                        rs.getString("garden_host"), EnforcementSettings.lines(rs.getString("reload_command"))))
                .optional()
                .orElseGet(EnforcementSettings::off);
    }

    /** Saves the settings (audited as {@code quarantine-enforcement-saved}); they apply to actions queued from now on. */
    @Transactional
    public void save(long organisationId, EnforcementSettings s, String actor, Instant at) {
        jdbc.sql("""
                insert into quarantine_enforcement (organisation_id, radius_action, coa_port, filter_id, vendor_attributes,
                    release_filter_id, release_vendor_attributes, rpz_enabled, garden_ipv4, garden_ipv6, garden_host,
                    reload_command, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id) do update set radius_action = excluded.radius_action,
                    coa_port = excluded.coa_port, filter_id = excluded.filter_id,
                    vendor_attributes = excluded.vendor_attributes, release_filter_id = excluded.release_filter_id,
                    release_vendor_attributes = excluded.release_vendor_attributes, rpz_enabled = excluded.rpz_enabled,
                    garden_ipv4 = excluded.garden_ipv4, garden_ipv6 = excluded.garden_ipv6,
                    garden_host = excluded.garden_host, reload_command = excluded.reload_command,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(organisationId, s.radiusAction(), s.coaPort(), s.filterId(), join(s.vendorAttributes()),
                        s.releaseFilterId(), join(s.releaseVendorAttributes()), s.rpzEnabled(), s.gardenIpv4(),
                        s.gardenIpv6(), s.gardenHost(), join(s.reloadCommand()), actor, Timestamp.from(at))
                .update();
        audit.record(organisationId, actor, "quarantine-enforcement-saved", "radius " + s.radiusAction(),
                "rpz " + (s.rpzEnabled() ? "on" : "off"));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
