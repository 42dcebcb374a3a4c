package jp.renkei.server.remediation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.remediation.Guidance;
import jp.renkei.server.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ISP's remediation entries, always of one organisation: an id of another organisation
 * behaves as an unknown one. Every change is audited ({@code remediation-saved},
 * {@code remediation-deleted}).
 */
@Service
public class RemediationEntries {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    RemediationEntries(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The organisation's entries by problem kind, then vendor, model and firmware. */
    public List<RemediationEntry> list(long organisationId) {
        return jdbc.sql("""
                select * from remediation_entry where organisation_id = ?
                order by kind, lower(vendor), lower(model), lower(firmware)""")
                .param(organisationId)
                .query(RemediationEntries::entry)
                .list();
    }

    /** The entry, if it is the organisation's. */
    public Optional<RemediationEntry> find(long organisationId, long id) {
        return jdbc.sql("select * from remediation_entry where organisation_id = ? and id = ?")
                .params(organisationId, id)
                .query(RemediationEntries::entry)
                .optional();
    }

    /**
     * The most specific of the organisation's entries for the problem on the device: vendor, model
     * and firmware; vendor and model; vendor; the kind alone. Vendor, model and firmware compare
     * without regard to case. Empty when the ISP wrote nothing that fits.
     */
    public Optional<RemediationEntry> bestMatch(long organisationId, ProblemKind kind, DeviceDescription device) {
        String vendor = lower(device.vendor());
        String model = lower(device.model());
        String firmware = lower(device.firmware());
        return jdbc.sql("""
                select * from remediation_entry where organisation_id = ? and kind = ?
                  and (vendor = '' or lower(vendor) = ?)
                  and (model = '' or lower(model) = ?)
                  and (firmware = '' or lower(firmware) = ?)""")
                .params(organisationId, kind.code(), vendor, model, firmware)
                .query(RemediationEntries::entry)
                .list().stream()
                .max(Comparator.comparingInt(RemediationEntry::specificity));
    }

    /** Stores a new entry, or says which fields are wrong (one entry per kind and device). */
    @Transactional
    public RemediationSave create(long organisationId, RemediationDraft draft, String actor) {
        Map<String, String> problems = draft.problems();
        if (!problems.isEmpty()) {
            return new RemediationSave.Invalid(problems);
        }
        if (taken(organisationId, draft, Optional.empty())) {
            return new RemediationSave.Invalid(Map.of("vendor", "remediation.error.duplicate"));
        }
        Guidance ja = draft.japanese();
        Guidance en = draft.english();
        long id = jdbc.sql("""
                insert into remediation_entry (organisation_id, kind, vendor, model, firmware, title_ja, explanation_ja,
                    steps_ja, title_en, explanation_en, steps_en, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(organisationId, draft.kind(), draft.vendor(), draft.model(), draft.firmware(),
                        ja.title(), ja.explanation(), String.join("\n", ja.steps()),
                        en.title(), en.explanation(), String.join("\n", en.steps()), actor,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(organisationId, actor, "remediation-saved", "remediation " + id, describe(draft));
        return new RemediationSave.Saved(id);
    }

    /**
     * Replaces the entry's device and texts, or says which fields are wrong.
     *
     * @throws RemediationEntryNotFoundException when the entry is not the organisation's
     */
    @Transactional
    public RemediationSave update(long organisationId, long id, RemediationDraft draft, String actor) {
        if (find(organisationId, id).isEmpty()) {
            throw new RemediationEntryNotFoundException(id);
        }
        Map<String, String> problems = draft.problems();
        if (!problems.isEmpty()) {
            return new RemediationSave.Invalid(problems);
        }
        if (taken(organisationId, draft, Optional.of(id))) {
            return new RemediationSave.Invalid(Map.of("vendor", "remediation.error.duplicate"));
        }
        Guidance ja = draft.japanese();
        Guidance en = draft.english();
        jdbc.sql("""
                update remediation_entry set kind = ?, vendor = ?, model = ?, firmware = ?, title_ja = ?,
                    explanation_ja = ?, steps_ja = ?, title_en = ?, explanation_en = ?, steps_en = ?, updated_by = ?,
                    updated_at = ?
                where organisation_id = ? and id = ?""")
                .params(draft.kind(), draft.vendor(), draft.model(), draft.firmware(),
                        ja.title(), ja.explanation(), String.join("\n", ja.steps()),
                        en.title(), en.explanation(), String.join("\n", en.steps()), actor,
                        Timestamp.from(clock.instant()), organisationId, id)
                .update();
        audit.record(organisationId, actor, "remediation-saved", "remediation " + id, describe(draft));
        return new RemediationSave.Saved(id);
    }

    /** Deletes the entry; false when it is not the organisation's. */
    @Transactional
    public boolean delete(long organisationId, long id, String actor) {
        int deleted = jdbc.sql("delete from remediation_entry where organisation_id = ? and id = ?")
                .params(organisationId, id)
                .update();
        if (deleted == 1) {
            audit.record(organisationId, actor, "remediation-deleted", "remediation " + id, "");
        }
        return deleted == 1;
    }

    private boolean taken(long organisationId, RemediationDraft d, Optional<Long> except) {
        return jdbc.sql("""
                select count(*) from remediation_entry where organisation_id = ? and kind = ?
                  and lower(vendor) = lower(?) and lower(model) = lower(?) and lower(firmware) = lower(?)
                  and id <> ?""")
                .params(organisationId, d.kind(), d.vendor(), d.model(), d.firmware(), except.orElse(-1L))
                .query(Long.class)
                .single() > 0;
    }

    private static String describe(RemediationDraft d) {
        return d.kind() + " " + d.vendor() + " " + d.model() + " " + d.firmware();
    }

    private static String lower(Optional<String> s) {
        // An unknown part (null in SQL) matches only entries that leave it open.
        return s.map(String::strip).filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
    }

    private static RemediationEntry entry(ResultSet rs, int row) throws SQLException {
        return new RemediationEntry(rs.getLong("id"), ProblemKind.fromCode(rs.getString("kind")),
                rs.getString("vendor"), rs.getString("model"), rs.getString("firmware"),
                new Guidance(rs.getString("title_ja"), rs.getString("explanation_ja"),
                        RemediationDraft.steps(rs.getString("steps_ja"))),
                new Guidance(rs.getString("title_en"), rs.getString("explanation_en"),
                        RemediationDraft.steps(rs.getString("steps_en"))),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
