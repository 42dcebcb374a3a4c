package jp.renkei.server.vendor.psirt.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.renkei.server.notify.OutboundMail;
import jp.renkei.server.notify.QueuedMail;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.PublicAddresses;
import jp.renkei.server.vendor.psirt.ReportEvent;
import jp.renkei.server.vendor.psirt.ReportIntake;
import jp.renkei.server.vendor.psirt.ReportSubmission;
import jp.renkei.server.vendor.psirt.TrackingId;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;
import jp.renkei.server.vendor.psirt.VulnerabilityReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes reports in and moves them along their timeline; the acknowledgement goes through the outbox. */
@Service
class ReportDesk implements VulnerabilityReports {

    static final String ACK_KEY = "psirt-ack/";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;:\"()\\[\\]]+@[^@\\s<>,;:\"()\\[\\]]+\\.[^@\\s<>,;:\"()\\[\\]]+");
    private static final List<String> CLOSE_REASONS = List.of("not-a-vulnerability", "duplicate", "out-of-scope");

    private final ReportStore store;
    private final ContactPoints contacts;
    private final CatalogueLookup catalogue;
    private final AttachmentRules attachmentRules;
    private final OutboundMail mail;
    private final PublicAddresses addresses;
    private final ZoneId zone;

    ReportDesk(ReportStore store, ContactPoints contacts, CatalogueLookup catalogue, AttachmentRules attachmentRules,
            OutboundMail mail, PublicAddresses addresses, @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.store = store;
        this.contacts = contacts;
        this.catalogue = catalogue;
        this.attachmentRules = attachmentRules;
        this.mail = mail;
        this.addresses = addresses;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @Transactional
    public ReportIntake submit(long organisationId, ReportSubmission s) {
        List<Problem> problems = new ArrayList<>();
        require(problems, "/description", s.description(), 1, 50_000);
        require(problems, "/reporter/name", s.reporterName(), 0, 200);
        require(problems, "/product", s.productText(), 0, 200);
        require(problems, "/firmware", s.firmwareText(), 0, 100);
        require(problems, "/creditName", s.creditName(), 0, 200);
        require(problems, "/externalId", s.externalId().orElse(""), 0, 200);
        if (!s.reporterEmail().isEmpty() && (!EMAIL.matcher(s.reporterEmail()).matches() || s.reporterEmail().length() > 254)) {
            problems.add(new Problem("/reporter/email", "'" + s.reporterEmail() + "' is not an e-mail address"));
        }
        List<AttachmentRules.Accepted> files = attachmentRules.check(s.attachments(), problems);
        Optional<ContactPoint> vendor = contacts.of(organisationId);
        if (vendor.isEmpty()) {
            problems.add(new Problem("/", "reports are taken in by vendor organisations only"));
        }
        if (!problems.isEmpty()) {
            return new ReportIntake.Rejected(problems);
        }
        Optional<Long> known = s.externalId().flatMap(x -> store.byExternalId(organisationId, s.source(), x));
        if (known.isPresent()) {
            return new ReportIntake.Accepted(store.find(organisationId, known.get()).orElseThrow(), false, false);
        }
        Optional<Long> productId = s.catalogueModel().flatMap(m -> catalogue.productId(organisationId, m));
        // A model the catalogue does not know is kept as the reporter's words, never dropped.
        String productText = productId.isPresent() ? s.productText()
                : (s.catalogueModel().map(m -> m + " ").orElse("") + s.productText()).strip();
        ReportSubmission kept = new ReportSubmission(s.channel(), s.source(), s.externalId(), s.reporterName(),
                s.reporterEmail(), s.language(), s.catalogueModel(), productText, s.firmwareText(), s.description(),
                s.creditConsent(), s.creditName(), s.attachments());
        int year = Instant.now().atZone(zone).getYear();
        TrackingId trackingId = TrackingId.of(year, store.nextNumber(organisationId, year));
        long id = store.insert(organisationId, trackingId, kept, productId);
        files.forEach(f -> store.insertAttachment(organisationId, id, f));
        String actor = s.channel().equals(ReportSubmission.API) ? s.source() : "reporter";
        store.event(organisationId, id, "received", actor, s.channel() + (files.isEmpty() ? "" : ", " + files.size() + " attachment(s)"));
        boolean queued = false;
        if (!s.reporterEmail().isEmpty()) {
            AcknowledgementText.Composed ack = AcknowledgementText.compose(s.language(), vendor.get(), trackingId,
                    s.reporterName(), addresses.policy(vendor.get()));
            queued = mail.enqueue(organisationId, ACK_KEY + id, s.reporterEmail(), s.language(), ack.subject(), ack.body())
                    .isPresent();
            store.event(organisationId, id, "acknowledgement-queued", "system", "e-mail (" + s.language().code() + ")");
        }
        return new ReportIntake.Accepted(store.find(organisationId, id).orElseThrow(), true, queued);
    }

    @Override
    public List<VulnerabilityReport> list(long organisationId, int limit) {
        return store.list(organisationId, limit);
    }

    @Override
    public Optional<VulnerabilityReport> find(long organisationId, long reportId) {
        return store.find(organisationId, reportId);
    }

    @Override
    public Optional<VulnerabilityReport> findByTrackingId(long organisationId, String trackingId) {
        return TrackingId.looksLike(trackingId)
                ? store.findByTrackingId(organisationId, trackingId.strip().toUpperCase(Locale.ROOT))
                : Optional.empty();
    }

    @Override
    public List<ReportEvent> timeline(long organisationId, long reportId) {
        return store.timeline(organisationId, reportId);
    }

    @Override
    public Optional<byte[]> attachmentContent(long organisationId, long reportId, long attachmentId) {
        return store.attachmentContent(organisationId, reportId, attachmentId);
    }

    @Override
    public Optional<QueuedMail> acknowledgementMail(long organisationId, long reportId) {
        return mail.find(organisationId, ACK_KEY + reportId);
    }

    @Override
    @Transactional
    public boolean acknowledge(long organisationId, long reportId, String actor, String note) {
        boolean done = store.mark(organisationId, reportId, "acknowledged_at", Instant.now());
        if (done) {
            store.event(organisationId, reportId, "acknowledged", actor, note.strip());
        }
        return done;
    }

    @Override
    @Transactional
    public boolean link(long organisationId, long reportId, long vulnerabilityId, String actor) {
        Optional<String> status = store.recordStatus(organisationId, vulnerabilityId);
        if (status.isEmpty() || !store.link(organisationId, reportId, vulnerabilityId)) {
            return false;
        }
        Instant now = Instant.now();
        store.event(organisationId, reportId, "linked", actor, "vulnerability record #" + vulnerabilityId);
        if (store.mark(organisationId, reportId, "triaged_at", now)) {
            store.event(organisationId, reportId, "triaged", actor, "vulnerability record #" + vulnerabilityId);
        }
        if (status.get().equals("fixed")) {
            markFixed(organisationId, reportId, actor, vulnerabilityId);
        }
        return true;
    }

    @Override
    @Transactional
    public boolean close(long organisationId, long reportId, String reason, String actor, String note) {
        if (!CLOSE_REASONS.contains(reason) || !store.close(organisationId, reportId, reason)) {
            return false;
        }
        store.mark(organisationId, reportId, "triaged_at", Instant.now());
        store.event(organisationId, reportId, "closed", actor, reason + (note.isBlank() ? "" : ": " + note.strip()));
        return true;
    }

    @Override
    public List<VulnerabilityReport> linkedTo(long organisationId, long vulnerabilityId) {
        return store.linkedTo(organisationId, vulnerabilityId);
    }

    /** The record became fixed: its linked reports' fix clocks stop. Called in the record's transaction. */
    void recordFixed(long organisationId, long vulnerabilityId, String actor) {
        store.unfixedLinkedTo(organisationId, vulnerabilityId).forEach(r -> markFixed(organisationId, r, actor, vulnerabilityId));
    }

    private void markFixed(long organisationId, long reportId, String actor, long vulnerabilityId) {
        if (store.mark(organisationId, reportId, "fixed_at", Instant.now())) {
            store.event(organisationId, reportId, "fixed", actor, "vulnerability record #" + vulnerabilityId + " is fixed");
        }
    }

    private static void require(List<Problem> problems, String pointer, String value, int min, int max) {
        int length = value.strip().length();
        if (length < min) {
            problems.add(new Problem(pointer, "is required"));
        } else if (length > max) {
            problems.add(new Problem(pointer, length + " characters; at most " + max));
        }
    }
}
