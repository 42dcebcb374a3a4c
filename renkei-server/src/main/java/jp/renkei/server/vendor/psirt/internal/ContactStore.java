package jp.renkei.server.vendor.psirt.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.renkei.server.vendor.psirt.ClockTargets;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.ContactSettings;
import jp.renkei.server.vendor.psirt.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code psirt_contact} table: one contact point per vendor organisation. */
@Service
class ContactStore implements ContactPoints {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;:\"()]+@[^@\\s<>,;:\"()]+\\.[^@\\s<>,;:\"()]+");
    private static final String SELECT = """
            select c.*, o.name as vendor_name from psirt_contact c join organisation o on o.id = c.organisation_id
            """;

    private final JdbcClient jdbc;
    private final String primarySlug;

    ContactStore(JdbcClient jdbc, @Value("${renkei.psirt.primary-vendor:}") String primarySlug) {
        this.jdbc = jdbc;
        this.primarySlug = primarySlug == null ? "" : primarySlug.strip();
    }

    @Override
    @Transactional
    public Optional<ContactPoint> of(long organisationId) {
        Optional<String> vendor = jdbc.sql("select name from organisation where id = ? and kind = 'vendor'")
                .param(organisationId).query(String.class).optional();
        if (vendor.isEmpty()) {
            return Optional.empty();
        }
        Optional<ContactPoint> existing = find(organisationId);
        if (existing.isPresent()) {
            return existing;
        }
        String slug = slugFor(vendor.get(), organisationId);
        ClockTargets t = ClockTargets.DEFAULT;
        jdbc.sql("""
                insert into psirt_contact (organisation_id, slug, policy_ja, policy_en) values (?, ?, ?, ?)
                on conflict (organisation_id) do nothing""")
                .params(organisationId, slug,
                        DefaultPolicy.JA.formatted(vendor.get(), t.acknowledgeBusinessDays(), t.fixDays()),
                        DefaultPolicy.EN.formatted(vendor.get(), t.acknowledgeBusinessDays(), t.fixDays()))
                .update();
        return find(organisationId);
    }

    @Override
    public Optional<ContactPoint> bySlug(String slug) {
        return jdbc.sql(SELECT + " where c.slug = ? and o.kind = 'vendor'")
                .param(slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT))
                .query(ContactStore::contact).optional();
    }

    @Override
    public Optional<ContactPoint> primary() {
        if (!primarySlug.isEmpty()) {
            return bySlug(primarySlug);
        }
        List<Long> vendors = jdbc.sql("select id from organisation where kind = 'vendor' order by id limit 2")
                .query(Long.class).list();
        return vendors.size() == 1 ? of(vendors.get(0)) : Optional.empty();
    }

    @Override
    @Transactional
    public List<Problem> update(long organisationId, String actor, ContactSettings s) {
        List<Problem> problems = new ArrayList<>();
        String slug = s.slug() == null ? "" : s.slug().strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            problems.add(new Problem("/slug", "'" + slug + "' must be 2-63 lower-case letters, digits or '-', starting with a letter or digit"));
        }
        String email = strip(s.contactEmail());
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("/contactEmail", "'" + email + "' is not an e-mail address"));
        }
        checkUrl(problems, "/acknowledgmentsUrl", strip(s.acknowledgmentsUrl()));
        checkUrl(problems, "/encryptionUrl", strip(s.encryptionUrl()));
        if (strip(s.policyJa()).isEmpty() || strip(s.policyEn()).isEmpty()) {
            problems.add(new Problem("/policy", "the disclosure policy is needed in Japanese and in English"));
        }
        checkRange(problems, "/acknowledgeBusinessDays", s.acknowledgeBusinessDays(), 60);
        checkRange(problems, "/triageBusinessDays", s.triageBusinessDays(), 120);
        checkRange(problems, "/fixDays", s.fixDays(), 730);
        if (!problems.isEmpty() || of(organisationId).isEmpty()) {
            return problems.isEmpty() ? List.of(new Problem("/", "not a vendor organisation")) : problems;
        }
        try {
            jdbc.sql("""
                    update psirt_contact set slug = ?, contact_email = ?, acknowledgments_url = ?, encryption_url = ?,
                        policy_ja = ?, policy_en = ?, acknowledge_business_days = ?, triage_business_days = ?,
                        fix_days = ?, updated_at = now(), updated_by = ?
                    where organisation_id = ?""")
                    .params(slug, email, strip(s.acknowledgmentsUrl()), strip(s.encryptionUrl()), s.policyJa().strip(),
                            s.policyEn().strip(), s.acknowledgeBusinessDays(), s.triageBusinessDays(), s.fixDays(),
                            actor, organisationId)
                    .update();
        } catch (DuplicateKeyException e) {
            return List.of(new Problem("/slug", "'" + slug + "' is already used by another vendor"));
        }
        return List.of();
    }

    private Optional<ContactPoint> find(long organisationId) {
        return jdbc.sql(SELECT + " where c.organisation_id = ?").param(organisationId)
                .query(ContactStore::contact).optional();
    }

    /** A readable slug from the vendor's name when it has enough Latin letters, else {@code vendor-<id>}. */
    private String slugFor(String name, long organisationId) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        base = base.length() > 40 ? base.substring(0, 40).replaceAll("-+$", "") : base;
        String slug = base.length() < 2 ? "vendor-" + organisationId : base;
        boolean taken = jdbc.sql("select exists (select 1 from psirt_contact where slug = ?)").param(slug)
                .query(Boolean.class).single();
        return taken ? slug + "-" + organisationId : slug;
    }

    private static void checkUrl(List<Problem> problems, String pointer, String url) {
        if (!url.isEmpty() && !url.matches("https?://\\S+")) {
            problems.add(new Problem(pointer, "'" + url + "' is not an http(s) address"));
        }
    }

    private static void checkRange(List<Problem> problems, String pointer, int value, int max) {
        if (value < 1 || value > max) {
            problems.add(new Problem(pointer, value + " is not between 1 and " + max));
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static ContactPoint contact(ResultSet rs, int row) throws SQLException {
        return new ContactPoint(rs.getLong("organisation_id"), rs.getString("vendor_name"), rs.getString("slug"),
                present(rs.getString("contact_email")), present(rs.getString("acknowledgments_url")),
                present(rs.getString("encryption_url")), rs.getString("policy_ja"), rs.getString("policy_en"),
                new ClockTargets(rs.getInt("acknowledge_business_days"), rs.getInt("triage_business_days"),
                        rs.getInt("fix_days")));
    }
}
