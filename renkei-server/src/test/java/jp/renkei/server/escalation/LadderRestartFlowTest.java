package jp.renkei.server.escalation;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.renkei.core.cases.CaseState;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseReinfected;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reinfected case starts its ladder over in the import that reinfected it, as a new case starts
 * its ladder in the import that opened it: run n+1 for the n-th reinfection, from the sighting,
 * its day-0 e-mail queued in that transaction. No scheduler tick is run here unless a test says so
 * (the timer waits an hour), so nothing below depends on one finding the case.
 */
@RenkeiTest
@Import(MovableClock.Config.class)
class LadderRestartFlowTest {

    static final Mailbox mailbox = new Mailbox().start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        mailbox.serveAsSmtp(registry);
        registry.add("renkei.escalation.poll-interval", () -> "PT1H");
    }

    @AfterAll
    static void stopMailServer() {
        mailbox.stop();
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MovableClock clock;
    @Autowired
    LadderRuns ladderRuns;
    @Autowired
    CaseManagement cases;

    Sightings sightings;
    TransactionTemplate tx;
    long org;

    @BeforeEach
    void anIspOfItsOwn() {
        sightings = Sightings.in(context);
        tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        org = new Tenants(context.getBean(Accounts.class)).newIsp("Restart ISP", Role.ADMINISTRATOR).organisationId();
    }

    @Test
    void theImportThatReinfectsACaseStartsRunTwoFromTheSightingAndMailsAgainWithoutATick() {
        long caseId = openAndFix("S-AGAIN", "again@example.jp");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("again@example.jp").size() == 1);
        Instant seenAgain = clock.advance(Duration.ofHours(5));

        // The new run belongs to the reinfection's transaction: rolled back, neither is left.
        tx.executeWithoutResult(status -> {
            seeAgain("S-AGAIN", seenAgain);
            assertThat(ladderRuns.runs(org, caseId)).extracting(CaseLadderRun::run).containsExactly(1, 2);
            status.setRollbackOnly();
        });
        assertThat(cases.find(org, caseId).orElseThrow().state()).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(ladderRuns.runs(org, caseId)).singleElement()
                .satisfies(run -> assertThat(run.finishedAt()).isEmpty());

        clock.advance(Duration.ofMinutes(1));
        seeAgain("S-AGAIN", seenAgain);

        assertThat(cases.find(org, caseId).orElseThrow().state()).isEqualTo(CaseState.REINFECTED);
        List<CaseLadderRun> runs = ladderRuns.runs(org, caseId);
        assertThat(runs).extracting(CaseLadderRun::run, CaseLadderRun::stopReason)
                .containsExactly(tuple(1, Optional.of("reinfected")), tuple(2, Optional.empty()));
        assertThat(runs.get(0).finishedAt()).contains(clock.instant());
        assertThat(runs.get(1).startedAt()).isEqualTo(seenAgain);
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::run, HandledStep::step)
                .containsExactly(tuple(1, "default@1#0"), tuple(2, "default@1#0"));
        assertThat(kindsAndDetails(caseId)).contains("ladder-restarted: default@1 run 2");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to("again@example.jp").size() == 2);
    }

    @Test
    void aSecondReinfectionStartsRunThreeAndTheSameReinfectionAnnouncedAgainStartsNothing() {
        long caseId = openAndFix("S-THRICE", "thrice@example.jp");
        seeAgain("S-THRICE", clock.advance(Duration.ofHours(5)));
        cases.reportFixed(org, caseId, clock.advance(Duration.ofHours(1)));
        Instant secondTime = clock.advance(Duration.ofHours(5));

        seeAgain("S-THRICE", secondTime);

        List<CaseLadderRun> runs = ladderRuns.runs(org, caseId);
        assertThat(runs).extracting(CaseLadderRun::run, CaseLadderRun::stopReason).containsExactly(
                tuple(1, Optional.of("reinfected")), tuple(2, Optional.of("reinfected")), tuple(3, Optional.empty()));
        assertThat(runs.get(2).startedAt()).isEqualTo(secondTime);
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::run)
                .containsExactly(1, 2, 3);

        tx.executeWithoutResult(status -> context.publishEvent(
                new CaseReinfected(org, caseId, "S-THRICE", 2, clock.instant())));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.runs(org, caseId)).extracting(CaseLadderRun::run, CaseLadderRun::stopReason)
                .as("run 3 neither doubled nor stopped").containsExactly(tuple(1, Optional.of("reinfected")),
                        tuple(2, Optional.of("reinfected")), tuple(3, Optional.empty()));
        assertThat(kindsAndDetails(caseId)).filteredOn(e -> e.startsWith("ladder-restarted"))
                .containsExactly("ladder-restarted: default@1 run 2", "ladder-restarted: default@1 run 3");
    }

    @Test
    void everyCaseOneImportReinfectsGetsItsOwnNewRun() {
        List<String> subscribers = List.of("S-MANY-1", "S-MANY-2", "S-MANY-3");
        List<Long> caseIds = subscribers.stream().map(s -> openAndFix(s, s.toLowerCase() + "@example.jp")).toList();
        Instant seenAgain = clock.advance(Duration.ofHours(5));

        sightings.record(org, subscribers.stream()
                .map(s -> Sighting.of(s, EXPOSED_TELNET, seenAgain, "203.0.113.142")).toArray(Sighting[]::new));

        for (long caseId : caseIds) {
            assertThat(ladderRuns.runs(org, caseId)).as("case %d", caseId)
                    .extracting(CaseLadderRun::run, CaseLadderRun::startedAt)
                    .endsWith(tuple(2, seenAgain)).hasSize(2);
        }
    }

    @Test
    void aRunATickHeldDuringTheReinfectionFinishesAtItsNextCheckAndSendsNothingMore() throws Exception {
        long caseId = openAndFix("S-BUSY", "busy@example.jp");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another transaction (a tick climbing run 1) holds the run while the import reinfects the case.
        CompletableFuture<Void> tick = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            context.getBean(JdbcClient.class)
                    .sql("select id from case_ladder_run where organisation_id = ? and case_id = ? and run = 1 for update")
                    .params(org, caseId).query(Long.class).single();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        Instant seenAgain = clock.advance(Duration.ofHours(5));
        try {
            seeAgain("S-BUSY", seenAgain);
        } finally {
            release.countDown();
            tick.get(30, TimeUnit.SECONDS);
        }
        assertThat(ladderRuns.runs(org, caseId)).extracting(CaseLadderRun::run, CaseLadderRun::stopReason)
                .containsExactly(tuple(1, Optional.empty()), tuple(2, Optional.empty()));

        // Day 3 of run 1 is when a tick looks at it again; run 2's SMS is due from its own start.
        clock.advance(Duration.ofDays(3));
        ladderRuns.advanceDue();

        assertThat(ladderRuns.runs(org, caseId)).extracting(CaseLadderRun::run, CaseLadderRun::stopReason)
                .containsExactly(tuple(1, Optional.of("reinfected")), tuple(2, Optional.empty()));
        assertThat(ladderRuns.handledSteps(org, caseId)).extracting(HandledStep::run, HandledStep::step)
                .containsExactly(tuple(1, "default@1#0"), tuple(2, "default@1#0"), tuple(2, "default@1#1"));
    }

    /** Opens the subscriber's case (its day-0 e-mail goes at once) and reports it fixed a minute later. */
    private long openAndFix(String subscriberId, String email) {
        sightings.subscriber(org, subscriberId, "テスト 太郎", email, "ja");
        sightings.record(org, Sighting.of(subscriberId, EXPOSED_TELNET, clock.instant().minus(Duration.ofHours(1)),
                "203.0.113.140"));
        List<SubscriberCase> found = cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(),
                Optional.of(subscriberId)), 10);
        assertThat(found).hasSize(1);
        long caseId = found.get(0).id();
        cases.reportFixed(org, caseId, clock.advance(Duration.ofMinutes(1)));
        return caseId;
    }

    private void seeAgain(String subscriberId, Instant at) {
        sightings.record(org, Sighting.of(subscriberId, EXPOSED_TELNET, at, "203.0.113.141"));
    }

    private List<String> kindsAndDetails(long caseId) {
        return cases.timeline(org, caseId).stream().map(e -> e.kind() + ": " + e.detail()).toList();
    }
}
