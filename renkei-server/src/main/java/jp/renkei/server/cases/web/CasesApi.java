package jp.renkei.server.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.intake.Severity;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseMilestones;
import jp.renkei.server.cases.CaseNotice;
import jp.renkei.server.cases.CaseNotices;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.intake.ObservationView;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST v1 for cases. Another organisation's case answers 404 like an unknown one, so ids reveal nothing. */
@RestController
@RequestMapping("/api/v1/cases")
class CasesApi {

    private static final int MAX = 1000;

    private final CaseManagement cases;
    private final ObservationQueries observations;
    private final ObjectProvider<CaseNotices> notices;

    CasesApi(CaseManagement cases, ObservationQueries observations, ObjectProvider<CaseNotices> notices) {
        this.cases = cases;
        this.observations = observations;
        this.notices = notices;
    }

    /** A case as JSON, with codes instead of enum names. */
    /**
     * {@code severityReported} false: no report graded the case, its severity is the problem kind's default.
     * {@code deviceKey}: the normalised vendor/model its reports named, {@code ""} while none named one.
     */
    record CaseJson(long id, String subscriberId, String kind, String state, long observationCount,
            Instant firstSeen, Instant lastSeen, Instant fixReportedAt, Instant openedAt, Instant closedAt,
            String severity, boolean severityReported, String deviceKey) {

        static CaseJson of(SubscriberCase c) {
            return new CaseJson(c.id(), c.subscriberId(), c.kind().code(), c.state().code(), c.observationCount(),
                    c.firstSeen(), c.lastSeen(), c.fixReportedAt().orElse(null), c.openedAt(),
                    c.closedAt().orElse(null), c.severity().code(), c.severityReported(), c.deviceKey());
        }
    }

    record AttributionJson(String subscriberId, Instant sessionFrom, Instant sessionTo, String source) {}

    record ObservationJson(long id, String reportType, String fileName, long line, Instant sourceTime, String ip,
            Integer port, String transport, String kind, String severity, String malwareFamily, String deviceVendor,
            String deviceModel, Map<String, String> evidence, AttributionJson attribution) {

        static ObservationJson of(ObservationView o) {
            var a = o.attribution();
            return new ObservationJson(o.id(), o.reportType(), o.fileName(), o.line(), o.sourceTime(), o.ip(),
                    o.port().orElse(null), o.transport(), o.kind().code(), o.severity().orElse(null),
                    o.malwareFamily().orElse(null), o.deviceVendor().orElse(null), o.deviceModel().orElse(null),
                    o.evidence(), new AttributionJson(a.subscriberId().orElse(null), a.from().orElse(null),
                            a.to().orElse(null), a.source().orElse(null)));
        }
    }

    record NoticeJson(long id, String channel, String purpose, String language, String subject, String state,
            int attempts, String lastError, Instant createdAt, Instant sentAt) {

        static NoticeJson of(CaseNotice n) {
            return new NoticeJson(n.id(), n.channel(), n.purpose(), n.language(), n.subject(), n.state(),
                    n.attempts(), n.lastError().orElse(null), n.createdAt(), n.sentAt().orElse(null));
        }
    }

    record CaseDetailJson(long id, String subscriberId, String kind, String state, long observationCount,
            Instant firstSeen, Instant lastSeen, Instant fixReportedAt, Instant openedAt, Instant closedAt,
            Instant acknowledgedAt, Instant verifiedAt, String severity, boolean severityReported,
            List<ObservationJson> observations, List<CaseEvent> timeline, List<NoticeJson> notices) {}

    @GetMapping
    ResponseEntity<?> list(RenkeiPrincipal caller, @RequestParam Optional<String> state,
            @RequestParam Optional<String> kind, @RequestParam Optional<String> subscriber,
            @RequestParam Optional<String> fixReported, @RequestParam Optional<String> severity,
            @RequestParam Optional<String> sort) {
        CaseFilter filter;
        try {
            filter = new CaseFilter(state.filter(s -> !s.isBlank()).map(CaseState::fromCode),
                    kind.filter(k -> !k.isBlank()).map(ProblemKind::fromCode),
                    subscriber.map(String::strip).filter(s -> !s.isEmpty()),
                    fixReported.filter(f -> !f.isBlank()).map(CasesApi::yesOrNo),
                    severity.filter(v -> !v.isBlank()).map(CasesApi::severityOf), severestFirst(sort));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("reason", "invalid", "detail", e.getMessage()));
        }
        return ResponseEntity.ok(cases.list(caller.organisationId(), filter, MAX).stream().map(CaseJson::of).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<?> detail(RenkeiPrincipal caller, @PathVariable long id) {
        long org = caller.organisationId();
        Optional<SubscriberCase> found = cases.find(org, id);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found"));
        }
        SubscriberCase c = found.get();
        List<ObservationJson> seen = observations.byIds(org, cases.observationIds(org, id)).stream()
                .map(ObservationJson::of).toList();
        List<NoticeJson> sent = notices.orderedStream().flatMap(n -> n.forCase(org, id).stream())
                .map(NoticeJson::of).toList();
        CaseMilestones milestones = cases.milestones(org, id).orElseThrow();
        return ResponseEntity.ok(new CaseDetailJson(c.id(), c.subscriberId(), c.kind().code(), c.state().code(),
                c.observationCount(), c.firstSeen(), c.lastSeen(), c.fixReportedAt().orElse(null), c.openedAt(),
                c.closedAt().orElse(null), milestones.acknowledgedAt().orElse(null),
                milestones.verifiedAt().orElse(null), c.severity().code(), c.severityReported(), seen,
                cases.timeline(org, id), sent));
    }

    private static Severity severityOf(String value) {
        return Severity.parse(value).orElseThrow(() -> new IllegalArgumentException(
                "severity must be one of critical, high, medium, low, info, not '" + value + "'"));
    }

    /** {@code sort=severity} lists the most severe first; {@code recent} (the default) the latest seen first. */
    private static boolean severestFirst(Optional<String> sort) {
        String value = sort.map(String::strip).orElse("");
        if (value.isEmpty() || value.equals("recent") || value.equals("severity")) {
            return value.equals("severity");
        }
        throw new IllegalArgumentException("sort must be 'recent' or 'severity', not '" + value + "'");
    }

    private static boolean yesOrNo(String value) {
        if (value.equals("yes") || value.equals("no")) {
            return value.equals("yes");
        }
        throw new IllegalArgumentException("fixReported must be 'yes' or 'no', not '" + value + "'");
    }
}
