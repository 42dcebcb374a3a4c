package jp.renkei.server.vendor.psirt.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.renkei.server.vendor.psirt.AttachmentInfo;
import jp.renkei.server.vendor.psirt.ReportEvent;
import jp.renkei.server.vendor.psirt.ReportSubmission;
import jp.renkei.server.vendor.psirt.TrackingId;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report tables: reports, their attachments and timeline, and the per-year tracking counter. Always organisation-scoped. */
@Repository
class ReportStore {

    private static final String SELECT = """
            select r.*, p.model_number from vulnerability_report r left join product p on p.id = r.product_id
            """;

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next tracking number of the year for the organisation; the row lock serialises concurrent reports. */
    long nextNumber(long organisationId, int year) {
        return jdbc.sql("""
                insert into psirt_report_counter (organisation_id, year, last_number) values (?, ?, 1)
                on conflict (organisation_id, year) do update set last_number = psirt_report_counter.last_number + 1
                returning last_number""")
                .params(organisationId, year).query(Long.class).single();
    }

    long insert(long organisationId, TrackingId trackingId, ReportSubmission s, Optional<Long> productId) {
        return jdbc.sql("""
                insert into vulnerability_report (organisation_id, tracking_id, channel, source, external_id,
                    reporter_name, reporter_email, language, product_id, product_text, firmware_text, description,
                    credit_consent, credit_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(organisationId, trackingId.value(), s.channel(), s.source(), s.externalId().orElse(null),
                        s.reporterName(), s.reporterEmail(), s.language().code(), productId.orElse(null),
                        s.productText(), s.firmwareText(), s.description(), s.creditConsent(), s.creditName())
                .query(Long.class).single();
    }

    void insertAttachment(long organisationId, long reportId, AttachmentRules.Accepted a) {
        jdbc.sql("""
                insert into vulnerability_report_attachment (organisation_id, report_id, file_name, content_type,
                    size_bytes, sha256, content) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisationId, reportId, a.fileName(), a.contentType(), a.content().length,
                        sha256(a.content()), a.content())
                .update();
    }

    void event(long organisationId, long reportId, String kind, String actor, String detail) {
        jdbc.sql("insert into vulnerability_report_event (organisation_id, report_id, kind, actor, detail) values (?, ?, ?, ?, ?)")
                .params(organisationId, reportId, kind, actor, detail).update();
    }

    Optional<Long> byExternalId(long organisationId, String source, String externalId) {
        return jdbc.sql("select id from vulnerability_report where organisation_id = ? and source = ? and external_id = ?")
                .params(organisationId, source, externalId).query(Long.class).optional();
    }

    Optional<VulnerabilityReport> find(long organisationId, long reportId) {
        return withAttachments(organisationId, jdbc.sql(SELECT + " where r.organisation_id = ? and r.id = ?")
                .params(organisationId, reportId).query(ReportStore::report).list()).stream().findFirst();
    }

    Optional<VulnerabilityReport> findByTrackingId(long organisationId, String trackingId) {
        return withAttachments(organisationId, jdbc.sql(SELECT + " where r.organisation_id = ? and r.tracking_id = ?")
                .params(organisationId, trackingId).query(ReportStore::report).list()).stream().findFirst();
    }

    List<VulnerabilityReport> list(long organisationId, int limit) {
        return withAttachments(organisationId, jdbc.sql(SELECT + " where r.organisation_id = ? order by r.received_at desc, r.id desc limit ?")
                .params(organisationId, limit).query(ReportStore::report).list());
    }

    List<VulnerabilityReport> linkedTo(long organisationId, long vulnerabilityId) {
        return withAttachments(organisationId, jdbc.sql(SELECT + " where r.organisation_id = ? and r.vulnerability_id = ? order by r.received_at")
                .params(organisationId, vulnerabilityId).query(ReportStore::report).list());
    }

    List<ReportEvent> timeline(long organisationId, long reportId) {
        return jdbc.sql("""
                select at, kind, actor, detail from vulnerability_report_event
                where organisation_id = ? and report_id = ? order by at, id""")
                .params(organisationId, reportId)
                .query((rs, i) -> new ReportEvent(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("actor"), rs.getString("detail")))
                .list();
    }

    Optional<byte[]> attachmentContent(long organisationId, long reportId, long attachmentId) {
        return jdbc.sql("select content from vulnerability_report_attachment where organisation_id = ? and report_id = ? and id = ?")
                .params(organisationId, reportId, attachmentId).query(byte[].class).optional();
    }

    /** Sets a milestone once; false when it was already set or the report is unknown. */
    boolean mark(long organisationId, long reportId, String column, Instant at) {
        if (!List.of("acknowledged_at", "triaged_at", "fixed_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("update vulnerability_report set " + column + " = ? where organisation_id = ? and id = ? and "
                        + column + " is null")
                .params(Timestamp.from(at), organisationId, reportId).update() == 1;
    }

    boolean link(long organisationId, long reportId, long vulnerabilityId) {
        return jdbc.sql("update vulnerability_report set vulnerability_id = ? where organisation_id = ? and id = ?")
                .params(vulnerabilityId, organisationId, reportId).update() == 1;
    }

    boolean close(long organisationId, long reportId, String reason) {
        return jdbc.sql("update vulnerability_report set closed_reason = ? where organisation_id = ? and id = ? and closed_reason is null")
                .params(reason, organisationId, reportId).update() == 1;
    }

    /** The status of a record of the organisation, if it exists. */
    Optional<String> recordStatus(long organisationId, long vulnerabilityId) {
        return jdbc.sql("select status from vulnerability_record where organisation_id = ? and id = ?")
                .params(organisationId, vulnerabilityId).query(String.class).optional();
    }

    /** The reports linked to the record that are not yet fixed. */
    List<Long> unfixedLinkedTo(long organisationId, long vulnerabilityId) {
        return jdbc.sql("select id from vulnerability_report where organisation_id = ? and vulnerability_id = ? and fixed_at is null")
                .params(organisationId, vulnerabilityId).query(Long.class).list();
    }

    private List<VulnerabilityReport> withAttachments(long organisationId, List<VulnerabilityReport> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Long[] ids = reports.stream().map(VulnerabilityReport::id).toArray(Long[]::new);
        Map<Long, List<AttachmentInfo>> byReport = jdbc.sql("""
                select id, report_id, file_name, content_type, size_bytes, sha256 from vulnerability_report_attachment
                where organisation_id = ? and report_id = any(?) order by id""")
                .params(organisationId, ids)
                .query((rs, i) -> Map.entry(rs.getLong("report_id"), new AttachmentInfo(rs.getLong("id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("sha256"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return reports.stream().map(r -> new VulnerabilityReport(r.id(), r.trackingId(), r.channel(), r.source(),
                r.externalId(), r.reporterName(), r.reporterEmail(), r.language(), r.productModel(), r.productText(),
                r.firmwareText(), r.description(), r.creditConsent(), r.creditName(), r.receivedAt(),
                r.acknowledgedAt(), r.triagedAt(), r.fixedAt(), r.closedReason(), r.vulnerabilityId(),
                byReport.getOrDefault(r.id(), List.of()))).toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static VulnerabilityReport report(ResultSet rs, int row) throws SQLException {
        long vulnerability = rs.getLong("vulnerability_id");
        Optional<Long> linked = rs.wasNull() ? Optional.empty() : Optional.of(vulnerability);
        return new VulnerabilityReport(rs.getLong("id"), new TrackingId(rs.getString("tracking_id")),
                rs.getString("channel"), rs.getString("source"), Optional.ofNullable(rs.getString("external_id")),
                rs.getString("reporter_name"), rs.getString("reporter_email"), rs.getString("language"),
                Optional.ofNullable(rs.getString("model_number")), rs.getString("product_text"),
                rs.getString("firmware_text"), rs.getString("description"), rs.getBoolean("credit_consent"),
                rs.getString("credit_name"), rs.getTimestamp("received_at").toInstant(),
                instant(rs, "acknowledged_at"), instant(rs, "triaged_at"), instant(rs, "fixed_at"),
                Optional.ofNullable(rs.getString("closed_reason")), linked, List.of());
    }
}
