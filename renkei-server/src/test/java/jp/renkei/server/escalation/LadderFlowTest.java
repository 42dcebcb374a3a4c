package jp.renkei.server.escalation;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseNotices;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.testing.Mailbox;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case climbs its ladder on schedule with the clock moved by the test: e-mail at once, SMS on
 * day 3, the walled garden on day 7 only with consent, the letter on day 14; it stops when the
 * subscriber acknowledges or reports a fix, waits out quiet hours, starts over when reinfected,
 * and a tick rolled back half-way neither loses a step nor sends one twice.
 */
@RenkeiTest
@Import(MovableClock.Config.class)
class LadderFlowTest {

    static final Mailbox mailbox = new Mailbox().start();
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
        // The tests drive the ladder themselves; the timer stays out of their way.
        registry.add("renkei.escalation.poll-interval", () -> "PT1H");
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MovableClock clock;
    @Autowired
    LadderRuns ladderRuns;
    @Autowired
    CaseManagement cases;
    @Autowired
    Consents consents;
    @Autowired
    Quarantines quarantines;

    Sightings sightings;
    Tenants.Member admin;
    long org;

    @BeforeEach
    void anIspOfItsOwn() {
        sightings = Sightings.in(context);
        admin = new Tenants(context.getBean(Accounts.class)).newIsp("Ladder ISP", Role.ADMINISTRATOR);
        org = admin.organisationId();
    }

    @Test
    void theBuiltInLadderMailsAtOnceSkipsSmsQuarantinesOnDay7WithConsentAndEndsAfterTheLetter() {
        sightings.subscriber(org, "S-CLIMB", "佐藤 花子", "climb@example.jp", "ja");
        consents.record(org, "S-CLIMB", new Consent(ConsentLevel.QUARANTINE_ALLOWED, "2026-04", clock.instant()),
                "portal");
        long caseId = open("S-CLIMB");

        assertThat(ladderRuns.runs(org, caseId)).singleElement().satisfies(run -> {
            assertThat(run.ladder()).isEqualTo("default");
            assertThat(run.version()).isEqualTo(1);
            assertThat(run.run()).isEqualTo(1);
            assertThat(run.arm()).isEmpty();
            assertThat(run.finishedAt()).isEmpty();
        });
        assertThat(ladderRuns.handledSteps(org, caseId)).singleElement().satisfies(step -> {
            assertThat(step.step()).isEqualTo("default@1#0");
            assertThat(step.channel()).isEqualTo(Channel.EMAIL);
            assertThat(step.sent()).isTrue();
        });
        assertThat(timeline(caseId)).contains(new Entry("ladder-started", "default@1"),
                new Entry("ladder-step", "email default@1#0"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("climb@example.jp").size() == 1);

        clock.advance(Duration.ofDays(3).minusSeconds(1));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, caseId)).as("not yet day 3").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, caseId).get(1)).satisfies(sms -> {
            assertThat(sms.step()).isEqualTo("default@1#1");
            assertThat(sms.channel()).isEqualTo(Channel.SMS);
            assertThat(sms.sent()).as("no phone and no SMS gateway here").isFalse();
            assertThat(sms.reason()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
        });
        assertThat(timeline(caseId)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ladder-step-skipped");
            assertThat(e.detail()).startsWith("sms default@1#1: ");
        });
        assertThat(quarantines.active(org, "S-CLIMB")).isEmpty();

        clock.advance(Duration.ofDays(4));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, caseId).get(2)).satisfies(garden -> {
            assertThat(garden.step()).isEqualTo("default@1#2");
            assertThat(garden.channel()).isEqualTo(Channel.WALLED_GARDEN);
            assertThat(garden.sent()).isTrue();
        });
        assertThat(quarantines.active(org, "S-CLIMB")).isPresent();
        assertThat(timeline(caseId)).contains(new Entry("ladder-step", "walled-garden default@1#2"));

        clock.advance(Duration.ofDays(7));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::step)
                .containsExactly("default@1#0", "default@1#1", "default@1#2", "default@1#3");
        assertThat(ladderRuns.runs(org, caseId).get(0).stopReason()).contains("ladder-done");
        assertThat(mailbox.to("climb@example.jp")).hasSize(1);
    }

    @Test
    void withoutConsentOrPolicyTheWalledGardenStepIsSkippedWithTheReasonAndAudited() {
        sightings.subscriber(org, "S-NOCONSENT", "鈴木 一郎", "noconsent@example.jp", "ja");
        long caseId = open("S-NOCONSENT");

        clock.advance(Duration.ofDays(7));
        ladderRuns.advanceDue();

        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::step)
                .containsExactly("default@1#0", "default@1#1", "default@1#2");
        HandledStep garden = ladderRuns.handledSteps(org, caseId).get(2);
        assertThat(garden.sent()).isFalse();
        assertThat(garden.reason()).hasValueSatisfying(r -> assertThat(r).contains("has not consented",
                "no ISP policy is recorded"));
        assertThat(quarantines.active(org, "S-NOCONSENT")).isEmpty();
        assertThat(context.getBean(AuditLog.class).recent(org, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("quarantine-refused");
            assertThat(e.subject()).isEqualTo("S-NOCONSENT");
        });
    }

    @Test
    void anAcknowledgementStopsTheLadder() {
        sightings.subscriber(org, "S-ACK", "高橋 健", "ack@example.jp", "ja");
        long caseId = open("S-ACK");
        cases.acknowledge(org, caseId, clock.instant().plusSeconds(60), "portal");

        clock.advance(Duration.ofDays(15));
        ladderRuns.advanceDue();

        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::step).containsExactly("default@1#0");
        CaseLadderRun run = ladderRuns.runs(org, caseId).get(0);
        assertThat(run.stopReason()).contains("acknowledged");
        assertThat(run.finishedAt()).contains(clock.instant());
        assertThat(timeline(caseId)).contains(new Entry("ladder-stopped", "acknowledged (default@1 run 1)"));
    }

    @Test
    void aFixReportStopsTheLadder() {
        sightings.subscriber(org, "S-FIXED", "伊藤 さくら", "fixed@example.jp", "ja");
        long caseId = open("S-FIXED");
        cases.reportFixed(org, caseId, clock.instant().plusSeconds(60));

        clock.advance(Duration.ofDays(3));
        ladderRuns.advanceDue();

        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::step).containsExactly("default@1#0");
        assertThat(ladderRuns.runs(org, caseId).get(0).stopReason()).contains("fix-reported");
    }

    @Test
    void quietHoursHoldMessagesAndOverdueStepsThenGoOneAfterAnotherInOrder() {
        LadderJson.Answer saved = LadderJson.put(port, admin.token(), """
                {"ladders": [{"name": "night", "steps": [{"after": "PT0S", "channel": "email"},
                                                          {"after": "PT1H", "channel": "sms"}],
                              "quietHours": {"from": "21:00", "to": "08:00", "zone": "Asia/Tokyo"}}],
                 "default": "night"}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        sightings.subscriber(org, "S-NIGHT", "山本 四郎", "night@example.jp", "ja");
        ZonedDateTime evening = clock.instant().atZone(JST).with(LocalTime.of(22, 0));
        if (!evening.toInstant().isAfter(clock.instant())) {
            evening = evening.plusDays(1);
        }
        clock.moveTo(evening.toInstant());

        long caseId = open("S-NIGHT");
        assertThat(ladderRuns.runs(org, caseId)).singleElement().satisfies(r -> assertThat(r.ladder()).isEqualTo("night"));
        assertThat(ladderRuns.handledSteps(org, caseId)).as("the day-0 e-mail waits for 08:00").isEmpty();

        Instant morning = evening.plusDays(1).with(LocalTime.of(8, 0)).toInstant();
        clock.moveTo(morning.minusSeconds(1));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, caseId)).isEmpty();
        assertThat(mailbox.to("night@example.jp")).isEmpty();

        clock.moveTo(morning);
        ladderRuns.advanceDue();
        List<HandledStep> steps = ladderRuns.handledSteps(org, caseId);
        assertThat(steps).extracting(HandledStep::step).containsExactly("night@1#0", "night@1#1");
        assertThat(steps).allSatisfy(s -> assertThat(s.dueAt()).isEqualTo(morning));
        assertThat(steps.get(0).sent()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("night@example.jp").size() == 1);
    }

    @Test
    void aReinfectedCaseStartsANewRunFromTheFirstStep() {
        sightings.subscriber(org, "S-AGAIN", "中村 三郎", "again@example.jp", "ja");
        long caseId = open("S-AGAIN");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("again@example.jp").size() == 1);
        cases.reportFixed(org, caseId, clock.instant());

        Instant seenAgain = clock.advance(Duration.ofHours(5));
        sightings.record(org, Sighting.of("S-AGAIN", EXPOSED_TELNET, seenAgain, "203.0.113.141"));
        assertThat(cases.find(org, caseId).orElseThrow().state()).isEqualTo(CaseState.REINFECTED);
        clock.advance(Duration.ofMinutes(1));
        ladderRuns.advanceDue();

        List<CaseLadderRun> runs = ladderRuns.runs(org, caseId);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).stopReason()).contains("reinfected");
        assertThat(runs.get(1).run()).isEqualTo(2);
        assertThat(runs.get(1).startedAt()).isEqualTo(seenAgain);
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::run, HandledStep::step)
                .containsExactly(tuple(1, "default@1#0"),
                        tuple(2, "default@1#0"));
        assertThat(timeline(caseId)).contains(new Entry("ladder-restarted", "default@1 run 2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("again@example.jp").size() == 2);

        ladderRuns.advanceDue();
        assertThat(ladderRuns.runs(org, caseId)).as("one new run per reinfection").hasSize(2);
    }

    @Test
    void aTickRolledBackHalfWayAndTwoTicksAtOnceStillHandleAndMailEachStepOnce() throws Exception {
        LadderJson.Answer saved = LadderJson.put(port, admin.token(), """
                {"ladders": [{"name": "twice", "steps": [{"after": "PT0S", "channel": "email"},
                                                          {"after": "PT1M", "channel": "email"}]}],
                 "default": "twice"}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        sightings.subscriber(org, "S-TWICE", "小林 次郎", "twice@example.jp", "ja");
        long caseId = open("S-TWICE");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("twice@example.jp").size() == 1);

        clock.advance(Duration.ofMinutes(1));
        // The process dies after handling the step but before the commit: everything is rolled back.
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            assertThat(ladderRuns.advanceDue()).isPositive();
            assertThat(ladderRuns.handledSteps(org, caseId)).hasSize(2);
            status.setRollbackOnly();
        });
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::step).containsExactly("twice@1#0");
        assertThat(context.getBean(CaseNotices.class).forCase(org, caseId)).hasSize(1);

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(ladderRuns::advanceDue);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(ladderRuns::advanceDue);
        one.get();
        other.get();
        ladderRuns.advanceDue();

        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::step)
                .containsExactly("twice@1#0", "twice@1#1");
        assertThat(context.getBean(CaseNotices.class).forCase(org, caseId)).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("twice@example.jp").size() == 2);
        Thread.sleep(1500);
        assertThat(mailbox.to("twice@example.jp")).hasSize(2);
    }

    record Entry(String kind, String detail) {
    }

    private List<Entry> timeline(long caseId) {
        return cases.timeline(org, caseId).stream().map(e -> new Entry(e.kind(), e.detail())).toList();
    }

    private long open(String subscriberId) {
        sightings.record(org, Sighting.of(subscriberId, EXPOSED_TELNET, clock.instant().minus(Duration.ofHours(1)),
                "203.0.113.140"));
        List<SubscriberCase> found = cases.list(org, new CaseFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(subscriberId)), 10);
        assertThat(found).hasSize(1);
        return found.get(0).id();
    }

}
