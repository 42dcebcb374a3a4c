package jp.renkei.server.notify.web;

import java.time.Instant;
import java.util.List;

import jp.renkei.server.cases.CaseNotice;
import jp.renkei.server.cases.CaseNotices;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: a case's notices with their delivery state; another organisation's case has none. */
@RestController
@RequestMapping("/api/v1/notices")
class NoticesApi {

    private final CaseNotices notices;

    NoticesApi(CaseNotices notices) {
        this.notices = notices;
    }

    record NoticeJson(long id, long caseId, String channel, String purpose, String language, String subject,
            String state, int attempts, String lastError, Instant createdAt, Instant sentAt) {}

    @GetMapping
    List<NoticeJson> forCase(RenkeiPrincipal caller, @RequestParam("case") long caseId) {
        List<CaseNotice> found = notices.forCase(caller.organisationId(), caseId);
        return found.stream()
                .map(n -> new NoticeJson(n.id(), caseId, n.channel(), n.purpose(), n.language(), n.subject(),
                        n.state(), n.attempts(), n.lastError().orElse(null), n.createdAt(), n.sentAt().orElse(null)))
                .toList();
    }
}
