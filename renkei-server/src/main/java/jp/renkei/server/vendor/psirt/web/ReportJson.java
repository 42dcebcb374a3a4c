package jp.renkei.server.vendor.psirt.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.notify.QueuedMail;
import jp.renkei.server.vendor.psirt.AttachmentInfo;
import jp.renkei.server.vendor.psirt.Clock;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.ReportClocks;
import jp.renkei.server.vendor.psirt.VulnerabilityReport;

/** A report as the API answers it: milestones, clocks and the acknowledgement mail's state. */
record ReportJson(long id, String trackingId, String stage, String channel, String source, String externalId,
        Map<String, String> reporter, String language, String product, String firmware, String description,
        boolean credit, String creditName, Instant receivedAt, Instant acknowledgedAt, Instant triagedAt,
        Instant fixedAt, String closedReason, Long vulnerabilityId, List<AttachmentInfo> attachments,
        Map<String, ClockJson> clocks, MailJson acknowledgementMail) {

    /** One clock: due, stopped (or null while running), state. */
    record ClockJson(Instant due, Instant stoppedAt, String state) {
        static ClockJson of(Clock c, Instant now) {
            return new ClockJson(c.due(), c.stoppedAt().orElse(null), c.state(now).name().toLowerCase());
        }
    }

    /** The acknowledgement mail's delivery. */
    record MailJson(String state, int attempts, Instant sentAt, String lastError) {
        static MailJson of(QueuedMail m) {
            return new MailJson(m.state(), m.attempts(), m.sentAt().orElse(null), m.lastError().orElse(null));
        }
    }

    static ReportJson of(VulnerabilityReport r, ReportClocks clocks, Optional<QueuedMail> mail, Instant now) {
        Map<String, ClockJson> c = new java.util.LinkedHashMap<>();
        c.put("acknowledge", ClockJson.of(clocks.acknowledge(), now));
        c.put("triage", ClockJson.of(clocks.triage(), now));
        clocks.fix().ifPresent(f -> c.put("fix", ClockJson.of(f, now)));
        return new ReportJson(r.id(), r.trackingId().value(), r.stage(), r.channel(), r.source(),
                r.externalId().orElse(null), Map.of("name", r.reporterName(), "email", r.reporterEmail()),
                r.language(), r.product(), r.firmwareText(), r.description(), r.creditConsent(), r.creditName(),
                r.receivedAt(), r.acknowledgedAt().orElse(null), r.triagedAt().orElse(null), r.fixedAt().orElse(null),
                r.closedReason().orElse(null), r.vulnerabilityId().orElse(null), r.attachments(), c,
                mail.map(MailJson::of).orElse(null));
    }

    /** The 400 answer: every problem with its JSON pointer. */
    static Map<String, Object> invalid(List<Problem> problems) {
        return Map.of("reason", "invalid",
                "detail", String.join("; ", problems.stream().map(Problem::toString).toList()),
                "errors", problems.stream().map(p -> Map.of("pointer", p.pointer(), "detail", p.detail())).toList());
    }
}
