package jp.renkei.server.quarantine;

import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.renkei.core.Language;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.GardenFixtures.GardenVisitor;
import jp.renkei.server.quarantine.GardenFixtures.Line;
import jp.renkei.server.quarantine.internal.EnforcementAction;
import jp.renkei.server.quarantine.internal.EnforcementLedger;
import jp.renkei.server.quarantine.internal.ReleaseSweep;
import jp.renkei.server.quarantine.web.GardenPort;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Quarantine from start to release: refused without consent or policy, started on consent or on a
 * recorded policy (audited with its grounds, on the timeline, in the ledger), the walled-garden
 * page on its own port with self-release up to the limit, release by staff, automatic release
 * after thirty days by the clock, and another organisation's quarantine answering 404.
 */
@RenkeiTest
class QuarantineFlowTest {

    static final MovableClock CLOCK = MovableClock.running();

    @TestConfiguration
    static class MovedClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Quarantines quarantines;
    @Autowired
    QuarantinePolicies policies;
    @Autowired
    CaseManagement cases;
    @Autowired
    EnforcementLedger ledger;
    @Autowired
    AuditLog audit;
    @Autowired
    GardenPort garden;
    @Autowired
    ReleaseSweep sweep;

    Tenants tenants;
    Tenants.Member admin;
    GardenFixtures fixtures;

    @BeforeEach
    void anIspOfItsOwn() {
        tenants = new Tenants(accounts);
        admin = tenants.newIsp("Garden ISP", Role.ADMINISTRATOR);
        fixtures = new GardenFixtures(context, port);
    }

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    QuarantineStart start(Line line, String step) {
        return quarantines.start(line.organisationId(), line.caseId(), line.subscriberId(), step, CLOCK.instant());
    }

    List<AuditLog.AuditEvent> audited(long org, String action) {
        return audit.recent(org, 500).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void withoutConsentOrPolicyAQuarantineIsRefusedAuditedAndNothingIsEnforced() {
        Line line = fixtures.line(admin, "Q-NONE", "127.0.0.21", "192.0.2.10", "s-none");

        QuarantineStart refused = start(line, "default@1#2");
        fixtures.consent(line, ConsentLevel.NOTIFY_ONLY);
        QuarantineStart stillRefused = start(line, "default@1#2");

        assertThat(refused).isInstanceOf(QuarantineStart.Refused.class);
        assertThat(((QuarantineStart.Refused) refused).reason()).contains("has not consented", "no ISP policy");
        assertThat(((QuarantineStart.Refused) stillRefused).reason()).contains("notify-only");
        assertThat(quarantines.active(line.organisationId(), "Q-NONE")).isEmpty();
        assertThat(quarantines.list(line.organisationId(), 10)).isEmpty();
        assertThat(ledger.recent(line.organisationId(), 10)).isEmpty();
        assertThat(audited(line.organisationId(), "quarantine-refused")).hasSize(2)
                .allSatisfy(e -> assertThat(e.subject()).isEqualTo("Q-NONE"));
        assertThat(new GardenVisitor(garden.port().orElseThrow(), "127.0.0.21").get("/").body())
                .contains("id=\"garden-free\"").doesNotContain("id=\"release\"");
    }

    @Test
    void consentStartsTheQuarantineAuditedOnTheTimelineAndInTheLedgerSayingWhatIsNotConfigured() {
        Line line = fixtures.line(admin, "Q-CONSENT", "127.0.0.22", "192.0.2.10", "s-consent");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);

        QuarantineStart started = start(line, "default@1#2");
        QuarantineStart again = start(line, "default@1#2");

        assertThat(started).isInstanceOf(QuarantineStart.Started.class);
        long id = ((QuarantineStart.Started) started).quarantineId();
        assertThat(((QuarantineStart.Started) started).grounds()).startsWith("consent: quarantine-allowed (terms v3");
        assertThat(again).isEqualTo(new QuarantineStart.AlreadyStarted(id));
        assertThat(audited(line.organisationId(), "quarantine-started")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("consent: quarantine-allowed"));
        assertThat(cases.timeline(line.organisationId(), line.caseId())).extracting(CaseEvent::kind)
                .contains("quarantine-started");
        List<EnforcementAction> actions = ledger.of(line.organisationId(), id);
        assertThat(actions).extracting(a -> a.adapter() + " " + a.action() + " " + a.state())
                .containsExactly("radius start disabled", "dns start disabled");
        assertThat(actions).allSatisfy(a -> assertThat(a.outcome()).contains("not configured"));

        Browser staff = new Browser(port);
        staff.signIn(admin.username(), admin.password());
        String page = staff.get("/quarantines").body();
        assertThat(page).contains("data-quarantine=\"" + id + "\"", "consent: quarantine-allowed (terms v3",
                "data-state=\"disabled\"");
    }

    @Test
    void aStartRolledBackWithItsCallersTransactionLeavesNoQuarantineAndNothingToEnforce() {
        Line line = fixtures.line(admin, "Q-ROLLBACK", "127.0.0.25", "192.0.2.10", "s-rollback");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);

        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            assertThat(start(line, "default@1#2")).isInstanceOf(QuarantineStart.Started.class);
            status.setRollbackOnly();
        });

        assertThat(quarantines.list(line.organisationId(), 10)).isEmpty();
        assertThat(ledger.recent(line.organisationId(), 10)).as("the ledger commits with the decision or not at all")
                .isEmpty();
    }

    @Test
    void aRecordedPolicyStartsTheQuarantineWithItsLegalBasisInTheAuditAndRetiringItStopsThat() {
        Line line = fixtures.line(admin, "Q-POLICY", "127.0.0.23", "192.0.2.10", "s-policy");
        Browser staff = new Browser(port);
        staff.signIn(admin.username(), admin.password());
        staff.get("/settings/quarantine-policy");
        Browser.Page noBasis = staff.post("/settings/quarantine-policy", Map.of("name", "Botnet C&C", "measure", "quarantine"));
        assertThat(staff.get("/settings/quarantine-policy").body()).contains("id=\"error\"", "legalBasis: ", "id=\"no-policy\"");
        assertThat(noBasis.status()).isEqualTo(302);

        staff.post("/settings/quarantine-policy", Map.of("name", "Attacking devices",
                "legalBasis", "電気通信事業法第4条の正当業務行為（緊急避難）", "measure", "quarantine"));
        QuarantineStart started = start(line, "default@1#2");

        assertThat(started).isInstanceOf(QuarantineStart.Started.class);
        assertThat(audited(line.organisationId(), "quarantine-started")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("policy: Attacking devices", "正当業務行為"));
        assertThat(staff.get("/quarantines").body()).contains(HtmlUtils.htmlEscape("policy: Attacking devices"));

        staff.get("/settings/quarantine-policy");
        staff.post("/settings/quarantine-policy/retire", Map.of());
        Line other = fixtures.line(admin, "Q-POLICY-2", "127.0.0.24", "192.0.2.10", "s-policy-2");
        assertThat(policies.current(line.organisationId())).isEmpty();
        assertThat(start(other, "default@1#2")).isInstanceOf(QuarantineStart.Refused.class);
        assertThat(audited(line.organisationId(), "quarantine-policy-retired")).hasSize(1);
    }

    @Test
    void theGardenPageShowsTheStepsAndTheSubscriberReleasesThemselvesTwiceThenMustCallSupport() {
        // Other scenarios here leave quarantines in ISPs without pools; this ISP says the address is its own.
        fixtures.declarePools(admin, "127.0.0.31/32");
        Line line = fixtures.line(admin, "Q-GARDEN", "127.0.0.31", "192.0.2.10", "s-garden");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        context.getBean(GardenAllowList.class).add(line.organisationId(), "firmware.examplecam.test", "ExampleCam",
                admin.username(), CLOCK.instant());
        start(line, "default@1#2");
        GardenVisitor visitor = new GardenVisitor(garden.port().orElseThrow(), "127.0.0.31");

        HttpResponse<String> page = visitor.get("/generate_204?any=path");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"garden\"", "EC-200", "https://firmware.examplecam.test/",
                "https://portal.example-isp.jp/renkei", "id=\"release\"")
                .doesNotContain("山田", "q-garden@example.jp", "Q-GARDEN");
        RemediationGuide.forProblem(INFECTED, Language.JA).steps()
                .forEach(step -> assertThat(page.body()).contains(HtmlUtils.htmlEscape(step)));
        assertThat(visitor.get("/?lang=en").body())
                .contains(HtmlUtils.htmlEscape(RemediationGuide.forProblem(INFECTED, Language.EN).steps().get(0)));
        assertThat(new Browser(port).get("/walled-garden").status()).as("not on the consoles' port").isEqualTo(404);

        HttpResponse<String> first = visitor.release();
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(visitor.get("/").body()).contains("id=\"released\"", "id=\"garden-free\"");
        assertThat(quarantines.list(line.organisationId(), 1).get(0).releasedBy()).contains("subscriber");
        assertThat(cases.find(line.organisationId(), line.caseId()).orElseThrow().state()).isEqualTo(CaseState.ACKNOWLEDGED);
        assertThat(cases.timeline(line.organisationId(), line.caseId())).extracting(CaseEvent::kind)
                .contains("quarantine-released", "acknowledged");

        start(line, "default@1#3");
        visitor.get("/");
        assertThat(visitor.release().statusCode()).isEqualTo(302);
        assertThat(quarantines.active(line.organisationId(), "Q-GARDEN")).isEmpty();

        start(line, "default@1#4");
        String third = visitor.get("/").body();
        assertThat(third).contains("id=\"call-support\"").doesNotContain("id=\"release\"");
        visitor.release();
        assertThat(visitor.get("/").body()).contains("id=\"limit-reached\"", "id=\"call-support\"");
        assertThat(quarantines.active(line.organisationId(), "Q-GARDEN")).isPresent();
        assertThat(audited(line.organisationId(), "quarantine-released")).hasSize(2);
    }

    @Test
    void releasingWithoutTheFormsCsrfTokenIsRefused() {
        Line line = fixtures.line(admin, "Q-CSRF", "127.0.0.32", "192.0.2.10", "s-csrf");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        start(line, "default@1#2");

        HttpResponse<String> forged = new GardenVisitor(garden.port().orElseThrow(), "127.0.0.32").release();

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(quarantines.active(line.organisationId(), "Q-CSRF")).isPresent();
    }

    @Test
    void theQuarantineIsReleasedAutomaticallyThirtyDaysAfterItStarted() {
        Line line = fixtures.line(admin, "Q-AUTO", "127.0.0.41", "192.0.2.10", "s-auto");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        long id = ((QuarantineStart.Started) start(line, "default@1#2")).quarantineId();

        CLOCK.advance(Duration.ofDays(29));
        sweep.sweep();
        assertThat(quarantines.find(line.organisationId(), id).orElseThrow().active()).isTrue();

        CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        sweep.sweep();
        Quarantine released = quarantines.find(line.organisationId(), id).orElseThrow();
        assertThat(released.active()).isFalse();
        assertThat(released.releasedBy()).contains("automatic");
        assertThat(audited(line.organisationId(), "quarantine-released")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("released by automatic"));
        assertThat(cases.timeline(line.organisationId(), line.caseId())).extracting(CaseEvent::kind)
                .contains("quarantine-released");
        assertThat(ledger.of(line.organisationId(), id)).extracting(a -> a.adapter() + " " + a.action())
                .contains("radius release", "dns release");
    }

    @Test
    void closingTheCaseReleasesItsQuarantine() {
        Line line = fixtures.line(admin, "Q-CLOSED", "127.0.0.42", "192.0.2.10", "s-closed");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        long id = ((QuarantineStart.Started) start(line, "default@1#2")).quarantineId();
        sweep.sweep();
        assertThat(quarantines.find(line.organisationId(), id).orElseThrow().active()).isTrue();

        CLOCK.advance(Duration.ofDays(31));
        cases.closeQuietCases(CLOCK.instant());
        sweep.sweep();

        assertThat(cases.find(line.organisationId(), line.caseId()).orElseThrow().state())
                .isEqualTo(CaseState.CLOSED_UNVERIFIED);
        assertThat(quarantines.find(line.organisationId(), id).orElseThrow().releasedBy()).contains("case-closed");
    }

    @Test
    void staffReleaseTheirOwnQuarantinesAndAnotherOrganisationsAnswer404() {
        Line line = fixtures.line(admin, "Q-STAFF", "127.0.0.51", "192.0.2.10", "s-staff");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        long id = ((QuarantineStart.Started) start(line, "default@1#2")).quarantineId();
        Tenants.Member stranger = tenants.newIsp("Other ISP", Role.ADMINISTRATOR);
        Browser other = new Browser(port);
        other.signIn(stranger.username(), stranger.password());
        other.get("/quarantines");

        assertThat(other.get("/quarantines/" + id).status()).isEqualTo(404);
        assertThat(other.post("/quarantines/" + id + "/release", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/quarantines").body()).doesNotContain("data-quarantine=\"" + id + "\"");
        assertThat(quarantines.find(line.organisationId(), id).orElseThrow().active()).isTrue();

        Tenants.Member auditorMember = tenants.member(line.organisationId(), Role.AUDITOR);
        Browser auditor = new Browser(port);
        auditor.signIn(auditorMember.username(), auditorMember.password());
        auditor.get("/quarantines");
        assertThat(auditor.post("/quarantines/" + id + "/release", Map.of()).status()).isEqualTo(403);

        Tenants.Member operatorMember = tenants.member(line.organisationId(), Role.OPERATOR);
        Browser operator = new Browser(port);
        operator.signIn(operatorMember.username(), operatorMember.password());
        assertThat(operator.get("/quarantines/" + id).status()).isEqualTo(200);
        assertThat(operator.post("/quarantines/" + id + "/release", Map.of()).status()).isEqualTo(302);
        assertThat(quarantines.find(line.organisationId(), id).orElseThrow().releasedBy())
                .contains("staff:" + operatorMember.username());
        assertThat(audited(line.organisationId(), "quarantine-released")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(operatorMember.username()));
    }
}
