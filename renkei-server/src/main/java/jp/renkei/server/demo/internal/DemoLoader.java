package jp.renkei.server.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import jp.renkei.core.demo.SyntheticIsp;
import jp.renkei.server.attribution.AssignmentImport;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.Role;
import jp.renkei.server.subscribers.SubscriberDirectory;
import jp.renkei.server.subscribers.SubscriberImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty demo organisation with a synthetic ISP, through the same import services (and
 * so the same attribution, cases and notices) as real files. Runs once: a restart keeps the data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnProperty(name = "renkei.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final String ACTOR = "demo";
    static final String PASSWORD = "renkei-demo";

    private final Accounts accounts;
    private final SubscriberDirectory directory;
    private final SubscriberImport subscribers;
    private final AssignmentImport assignments;
    private final ObservationImport observations;
    private final DemoHistory history;
    private final String organisation;
    private final int size;

    DemoLoader(Accounts accounts, SubscriberDirectory directory, SubscriberImport subscribers,
            AssignmentImport assignments, ObservationImport observations, DemoHistory history,
            @Value("${renkei.bootstrap.org:Demo ISP}") String organisation,
            @Value("${renkei.demo.subscribers:1000}") int size) {
        this.accounts = accounts;
        this.directory = directory;
        this.subscribers = subscribers;
        this.assignments = assignments;
        this.observations = observations;
        this.history = history;
        this.organisation = organisation;
        this.size = size;
    }

    @Override
    public void run(ApplicationArguments args) {
        long org = accounts.findOrganisation(organisation)
                .orElseThrow(() -> new IllegalStateException("demo organisation '" + organisation + "' is missing"));
        ensureUser(org, "operator", "デモ オペレーター", Role.OPERATOR);
        ensureUser(org, "auditor", "デモ 監査担当", Role.AUDITOR);
        if (directory.count(org) > 0) {
            log.info("Demo data already loaded; sign in as operator / {}", PASSWORD);
            return;
        }
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        SyntheticIsp isp = SyntheticIsp.generate(2026, size, 30, end);
        log.info("Loading the demo ISP: {} subscribers, {} RADIUS sessions, {} report rows", size,
                isp.sessionCount(), isp.groundTruth().size());
        report("subscribers", subscribers.importCsv(org, ACTOR, "demo-subscribers.csv",
                bytes(isp::writeSubscribersCsv)));
        report("RADIUS sessions", assignments.importFile(org, ACTOR, "freeradius-detail", "demo-radius-detail",
                bytes(isp::writeRadiusDetail)));
        for (String type : new String[] {"scan_telnet", "event4_sinkhole"}) {
            report(type, observations.importReport(org, ACTOR, "shadowserver", Optional.of(type),
                    isp.fileName(type), bytes(w -> isp.writeShadowserver(type, w))));
        }
        int notified = history.load(org, end, 2026).size();
        log.info("Demo history: {} cases notified over the past {} days on five channels", notified,
                HistoryPlan.OLDEST_DAY);
        log.info("Demo ready: sign in as operator / {} and open the mail viewer at /demo/mail", PASSWORD);
    }

    private void ensureUser(long org, String username, String displayName, Role role) {
        if (accounts.login(username).isEmpty()) {
            accounts.createUser(org, username, displayName, PASSWORD, role);
        }
    }

    private static void report(String what, ImportResult result) {
        log.info("Demo {}: {} accepted, {} duplicates, {} rejected", what, result.accepted(), result.duplicates(),
                result.rejected().size());
    }

    private static ByteArrayInputStream bytes(Consumer<Writer> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            write.accept(writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
