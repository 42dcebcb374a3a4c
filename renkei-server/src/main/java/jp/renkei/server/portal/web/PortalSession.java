package jp.renkei.server.portal.web;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.portal.PortalGrant;

/**
 * The case a subscriber opened with a code, kept in the server-side HTTP session only (the
 * browser holds nothing but the session cookie).
 */
final class PortalSession {

    static final String GRANT = "renkei.portal.grant";

    private PortalSession() {
    }

    /** The opened case as the subscriber's, still present in its organisation. */
    record Opened(long organisationId, SubscriberCase theCase) {
        long caseId() {
            return theCase.id();
        }

        String subscriberId() {
            return theCase.subscriberId();
        }
    }

    static void open(HttpSession session, PortalGrant grant) {
        session.setAttribute(GRANT, grant);
    }

    static Optional<PortalGrant> grant(HttpSession session) {
        return session.getAttribute(GRANT) instanceof PortalGrant g ? Optional.of(g) : Optional.empty();
    }

    static Optional<Opened> opened(HttpSession session, CaseManagement cases) {
        return grant(session).flatMap(g -> cases.find(g.organisationId(), g.caseId())
                .map(c -> new Opened(g.organisationId(), c)));
    }
}
