package jp.renkei.server.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.GardenFixtures.Line;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A subscriber pressing "release" many times at once (several tabs, the portal and the garden):
 * each quarantine is released once, one press is told so, and the self-releases never pass the limit.
 */
@RenkeiTest
class SelfReleaseRaceTest {

    static final int PRESSES = 6;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Quarantines quarantines;
    @Autowired
    AuditLog audit;

    /** The answers of {@link #PRESSES} self-releases started at the same instant. */
    List<QuarantineRelease> pressedAtOnce(Line line) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PRESSES);
        try {
            CyclicBarrier together = new CyclicBarrier(PRESSES);
            List<Future<QuarantineRelease>> presses = new ArrayList<>();
            for (int i = 0; i < PRESSES; i++) {
                presses.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return quarantines.releaseFromGarden(line.organisationId(), line.subscriberId(), Instant.now());
                }));
            }
            List<QuarantineRelease> answers = new ArrayList<>();
            for (Future<QuarantineRelease> press : presses) {
                answers.add(press.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pressesAtTheSameMomentReleaseOnceEachTimeAndNeverMoreOftenThanTheLimit() throws Exception {
        Tenants.Member admin = new Tenants(accounts).newIsp("Busy ISP", Role.ADMINISTRATOR);
        GardenFixtures fixtures = new GardenFixtures(context, port);
        // Declared, so this line never makes the garden of another test in the shared Renkei ambiguous.
        fixtures.declarePools(admin, "10.60.0.0/24");
        Line line = fixtures.line(admin, "Q-RACE", "10.60.0.7", "192.0.2.10", "s-race");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        int limit = quarantines.selfReleaseLimit();
        int told = 0;

        for (int round = 1; round <= limit + 1; round++) {
            assertThat(quarantines.start(line.organisationId(), line.caseId(), "Q-RACE", "default@1#" + (round + 1),
                    Instant.now())).as("round " + round).isInstanceOf(QuarantineStart.Started.class);

            List<QuarantineRelease> answers = pressedAtOnce(line);

            long released = answers.stream().filter(QuarantineRelease.Released.class::isInstance).count();
            told += (int) released;
            if (round <= limit) {
                assertThat(released).as("round " + round + ": " + answers).isEqualTo(1);
                assertThat(answers).as("round " + round).filteredOn(a -> !(a instanceof QuarantineRelease.Released))
                        .allSatisfy(a -> assertThat(a).isInstanceOf(QuarantineRelease.NotQuarantined.class));
                assertThat(answers).filteredOn(QuarantineRelease.Released.class::isInstance)
                        .extracting(a -> ((QuarantineRelease.Released) a).selfReleasesLeft())
                        .containsExactly(limit - round);
            } else {
                assertThat(answers).as("over the limit").allSatisfy(a ->
                        assertThat(a).isEqualTo(new QuarantineRelease.LimitReached(limit)));
            }
            assertThat(quarantines.selfReleases(line.organisationId(), "Q-RACE")).isLessThanOrEqualTo(limit);
        }

        assertThat(told).isEqualTo(limit);
        assertThat(quarantines.selfReleases(line.organisationId(), "Q-RACE")).isEqualTo(limit);
        assertThat(quarantines.active(line.organisationId(), "Q-RACE")).as("still in the garden").isPresent();
        assertThat(audit.recent(line.organisationId(), 500)).filteredOn(e -> e.action().equals("quarantine-released"))
                .hasSize(limit);
    }
}
