package jp.renkei.server.portal;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static jp.renkei.core.intake.ProblemKind.INFECTED;

import jp.renkei.core.intake.ProblemKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.ChannelPreferences;
import jp.renkei.core.quarantine.Consent;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.quarantine.Quarantines;
import jp.renkei.server.remediation.RemediationDraft;
import jp.renkei.server.remediation.RemediationEntries;
import jp.renkei.server.remediation.RemediationSave;
import jp.renkei.server.subscribers.SubscriberPreferences;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * What a subscriber does on the portal once the code opened their case: the notice counts as
 * read, steps are ticked, consent and channels are chosen, the line is released from the walled
 * garden within the limit, "check now" shows their own line only, and guessing codes is slowed.
 */
@RenkeiTest
class PortalActionsFlowTest {

    static final String TERMS = "2026-12";

    @DynamicPropertySource
    static void terms(DynamicPropertyRegistry registry) {
        registry.add("renkei.portal.terms-version", () -> TERMS);
        // As in the test profile, said here because the proxy test below depends on it.
        registry.add("renkei.web.trusted-proxies", () -> "127.0.0.1");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CaseManagement cases;
    @Autowired
    PortalAccess access;
    @Autowired
    Consents consents;
    @Autowired
    SubscriberPreferences preferences;
    @Autowired
    Quarantines quarantines;
    @Autowired
    RemediationEntries remediation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    /** One subscriber with one case of their own, and the code that opens it. */
    record Opened(long org, String subscriber, SubscriberCase theCase, String code) {}

    Opened caseOf(ProblemKind kind, String ip, Optional<String[]> device) {
        Sightings sightings = Sightings.in(context);
        long org = sightings.organisation("Demo ISP");
        String subscriber = "S-PA-" + UUID.randomUUID().toString().substring(0, 8);
        sightings.subscriber(org, subscriber, "佐藤 花子", subscriber.toLowerCase() + "@example.jp", "ja");
        Sighting s = Sighting.of(subscriber, kind, clock.instant().minus(Duration.ofHours(5)), ip);
        sightings.record(org, device.map(d -> s.device(d[0], d[1])).orElse(s));
        SubscriberCase c = cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(subscriber)), 1)
                .get(0);
        return new Opened(org, subscriber, c, access.issue(org, c.id()).display());
    }

    Browser signedInWith(String code) {
        Browser browser = new Browser(port);
        browser.get("/portal");
        Browser.Page opened = browser.post("/portal", Map.of("code", code));
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        return browser;
    }

    @Test
    void typingTheCodeAcknowledgesTheNoticeAndSaysSo() {
        Opened o = caseOf(EXPOSED_TELNET, "192.0.2.11", Optional.empty());
        assertThat(o.theCase().state()).isIn(CaseState.OPEN, CaseState.NOTIFIED);

        String page = signedInWith(o.code()).get("/portal/case").body();

        assertThat(page).contains("id=\"acknowledged-now\"", "data-state=\"acknowledged\"");
        assertThat(cases.find(o.org(), o.theCase().id()).orElseThrow().state()).isEqualTo(CaseState.ACKNOWLEDGED);
        assertThat(cases.timeline(o.org(), o.theCase().id())).extracting(CaseEvent::kind).contains("acknowledged");
    }

    @Test
    void theIspsStepsForTheDeviceAreShownAndATickedStepStaysTicked() {
        long org = Sightings.in(context).organisation("Demo ISP");
        String model = "PA-" + UUID.randomUUID().toString().substring(0, 6);
        RemediationSave saved = remediation.create(org, new RemediationDraft(INFECTED.code(), "ExampleCam", model, "",
                "カメラの対処", "説明", "電源を切る\n初期化する\nパスワードを変える",
                "Fix the camera", "Why", "Switch off\nReset\nChange the password"), "test");
        assertThat(saved).isInstanceOf(RemediationSave.Saved.class);
        Opened o = caseOf(INFECTED, "192.0.2.12", Optional.of(new String[] {"examplecam", model.toLowerCase()}));
        Browser subscriber = signedInWith(o.code());
        String before = subscriber.get("/portal/case").body();
        assertThat(before).contains("カメラの対処", "初期化する", "id=\"step-done-1\"", "id=\"step-done-2\"");

        Browser.Page ticked = subscriber.post("/portal/case/steps/2", Map.of());
        assertThat(ticked.status()).isEqualTo(302);
        subscriber.post("/portal/case/steps/2", Map.of()); // pressed twice: still one tick, one timeline entry

        Browser later = signedInWith(o.code());
        String after = later.get("/portal/case").body();
        assertThat(after).containsPattern("id=\"step-2\"\\s+data-done=\"true\"")
                .contains("id=\"step-done-1\"", "id=\"step-done-3\"").doesNotContain("id=\"step-done-2\"");
        assertThat(cases.timeline(o.org(), o.theCase().id())).filteredOn(e -> e.kind().equals("step-done"))
                .extracting(CaseEvent::detail).containsExactly("step 2: 初期化する");

        Browser.Page noSuchStep = later.post("/portal/case/steps/9", Map.of());
        assertThat(noSuchStep.status()).isEqualTo(302);
        assertThat(later.get("/portal/case").body()).contains("id=\"portal-error\"");
        assertThat(jdbc.sql("select count(*) from portal_step_done where case_id = ?").param(o.theCase().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void consentIsRecordedWithTheTermsVersionAndAudited() {
        Opened o = caseOf(EXPOSED_TELNET, "192.0.2.13", Optional.empty());
        Browser subscriber = signedInWith(o.code());
        assertThat(subscriber.get("/portal/case").body()).contains("id=\"consent-current\" data-level=\"\"", TERMS);

        subscriber.post("/portal/case/consent", Map.of("level", "nonsense"));
        assertThat(subscriber.get("/portal/case").body()).contains("id=\"portal-error\"");
        assertThat(consents.current(o.org(), o.subscriber())).isEmpty();

        subscriber.post("/portal/case/consent", Map.of("level", "quarantine-allowed"));

        Consent consent = consents.current(o.org(), o.subscriber()).orElseThrow();
        assertThat(consent.level()).isEqualTo(ConsentLevel.QUARANTINE_ALLOWED);
        assertThat(consent.termsVersion()).isEqualTo(TERMS);
        assertThat(jdbc.sql("""
                select detail from audit_event where organisation_id = ? and action = 'consent-recorded' and subject = ?""")
                .params(o.org(), o.subscriber()).query(String.class).list())
                .containsExactly("quarantine-allowed under terms " + TERMS);
        assertThat(subscriber.get("/portal/case").body()).contains("data-level=\"quarantine-allowed\"", "id=\"saved\"");
    }

    @Test
    void channelPreferencesAreStoredInTheChosenOrderAndMode() {
        Opened o = caseOf(EXPOSED_TELNET, "192.0.2.14", Optional.empty());
        Browser subscriber = signedInWith(o.code());
        subscriber.get("/portal/case");

        subscriber.post("/portal/case/preferences", Map.of("first", "line", "second", "line", "mode", "replace"));
        assertThat(preferences.preferences(o.org(), o.subscriber())).isEqualTo(ChannelPreferences.none());
        assertThat(subscriber.get("/portal/case").body()).contains("id=\"portal-error\"");

        subscriber.post("/portal/case/preferences", Map.of("first", "line", "second", "email", "third", "",
                "mode", "replace"));

        assertThat(preferences.preferences(o.org(), o.subscriber()))
                .isEqualTo(new ChannelPreferences(List.of(Channel.LINE, Channel.EMAIL), ChannelPreferences.Mode.REPLACE));
        assertThat(subscriber.get("/portal/case").body()).contains("<option value=\"line\" selected=\"selected\">");
    }

    @Test
    void theSubscriberReleasesTheirLineWithinTheLimitThenIsSentToSupport() {
        Opened o = caseOf(EXPOSED_TELNET, "192.0.2.15", Optional.empty());
        consents.record(o.org(), o.subscriber(), new Consent(ConsentLevel.QUARANTINE_ALLOWED, TERMS, clock.instant()),
                "test");
        Browser subscriber = signedInWith(o.code());
        assertThat(subscriber.get("/portal/case").body()).doesNotContain("id=\"garden\"");

        for (int round = 1; round <= 2; round++) {
            quarantines.start(o.org(), o.theCase().id(), o.subscriber(), "garden#" + round, clock.instant());
            assertThat(subscriber.get("/portal/case").body()).contains("id=\"garden\"", "id=\"release\"");
            subscriber.post("/portal/case/release", Map.of());
            assertThat(quarantines.active(o.org(), o.subscriber())).as("round " + round).isEmpty();
        }

        quarantines.start(o.org(), o.theCase().id(), o.subscriber(), "garden#3", clock.instant());
        String page = subscriber.get("/portal/case").body();
        assertThat(page).contains("id=\"garden\"", "id=\"self-releases-left\"").doesNotContain("id=\"release\"");
        subscriber.post("/portal/case/release", Map.of());
        assertThat(quarantines.active(o.org(), o.subscriber())).isPresent();
        assertThat(subscriber.get("/portal/case").body()).contains("id=\"portal-error\"");
        assertThat(cases.timeline(o.org(), o.theCase().id())).filteredOn(e -> e.kind().equals("self-released"))
                .hasSize(2);
    }

    @Test
    void checkNowShowsWhatWasSeenOnThisSubscribersLineOnly() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Opened o = caseOf(EXPOSED_TELNET, "198.51.100.7", Optional.empty());
        long org = o.org();
        String neighbour = "S-PA-N-" + UUID.randomUUID().toString().substring(0, 6);
        // The address was the neighbour's until two days ago; it is this subscriber's since.
        assignment(org, neighbour, "198.51.100.7", now.minus(Duration.ofDays(6)), Optional.of(now.minus(Duration.ofDays(2))));
        assignment(org, o.subscriber(), "198.51.100.7", now.minus(Duration.ofDays(2)), Optional.empty());
        assignment(org, neighbour, "198.51.100.8", now.minus(Duration.ofDays(2)), Optional.empty());
        Instant neighbourOld = now.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(17));
        Instant neighbourNow = now.minus(Duration.ofMinutes(43));
        Instant mine = now.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(29));
        Sightings.in(context).record(org,
                Sighting.of(neighbour, INFECTED, neighbourOld, "198.51.100.7"),
                Sighting.of(neighbour, INFECTED, neighbourNow, "198.51.100.8"),
                Sighting.of(o.subscriber(), EXPOSED_TELNET, mine, "198.51.100.7"));
        Browser subscriber = signedInWith(o.code());
        subscriber.get("/portal/case");

        String page = subscriber.post("/portal/case/check", Map.of()).body();

        assertThat(page).contains("id=\"check-still-seen\"", "198.51.100.7", jst(mine))
                .doesNotContain("198.51.100.8", jst(neighbourOld), jst(neighbourNow));
        assertThat(jdbc.sql("select count(*) from audit_event where organisation_id = ? and action = 'addresses-held' and subject like ?")
                .params(org, o.subscriber() + "@%").query(Long.class).single()).isEqualTo(1);

        Opened quiet = caseOf(EXPOSED_TELNET, "198.51.100.9", Optional.empty());
        assignment(org, quiet.subscriber(), "198.51.100.10", now.minus(Duration.ofDays(1)), Optional.empty());
        Browser other = signedInWith(quiet.code());
        other.get("/portal/case");
        assertThat(other.post("/portal/case/check", Map.of()).body())
                .contains("id=\"check-not-seen\"", "198.51.100.10").doesNotContain("id=\"check-still-seen\"", "198.51.100.7");
    }

    @Test
    void wrongCodesFromOneAddressAreLimitedUntilTheWindowPasses() {
        Opened o = caseOf(EXPOSED_TELNET, "192.0.2.16", Optional.empty());
        Browser guesser = new Browser(port);
        guesser.get("/portal");
        try {
            for (int i = 0; i < 10; i++) {
                Browser.Page wrong = guesser.post("/portal", Map.of("code", "ABCD-EFGH-J" + (char) ('A' + i)));
                assertThat(wrong.status()).isEqualTo(200);
                assertThat(wrong.body()).contains("id=\"code-error\"");
            }
            // Even the right code is not tried now: a guesser must not learn that a guess was right.
            Browser.Page later = guesser.post("/portal", Map.of("code", o.code()));
            assertThat(later.status()).isEqualTo(429);
            assertThat(later.body()).contains("id=\"try-later\"").doesNotContain("id=\"case-status\"");
        } finally {
            clock.advance(Duration.ofMinutes(11));
        }
        Browser.Page opened = guesser.post("/portal", Map.of("code", o.code()));
        assertThat(opened.status()).isEqualTo(302);
    }

    @Test
    void behindAReverseProxyWrongCodesAreLimitedPerSubscriberSoOneGuesserLocksNobodyElseOut() {
        Opened o = caseOf(EXPOSED_TELNET, "192.0.2.17", Optional.empty());
        Browser guesser = Browser.behindProxy(port, "203.0.113.50");
        guesser.get("/portal");
        Browser subscriber = Browser.behindProxy(port, "198.51.100.60");
        subscriber.get("/portal");
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(guesser.post("/portal", Map.of("code", "ABCD-EFGH-K" + (char) ('A' + i))).status())
                        .isEqualTo(200);
            }
            assertThat(guesser.post("/portal", Map.of("code", o.code())).status()).isEqualTo(429);
            // Naming another client in its own header does not give the guesser a fresh allowance:
            // the proxy appends the address it really came from.
            Browser forging = Browser.behindProxy(port, "192.0.2.200, 203.0.113.50");
            forging.get("/portal");
            assertThat(forging.post("/portal", Map.of("code", "ABCD-EFGH-KZ")).status()).isEqualTo(429);

            // Another subscriber through the same proxy has their own allowance, and their code works.
            Browser.Page typo = subscriber.post("/portal", Map.of("code", "ABCD-EFGH-KY"));
            assertThat(typo.status()).isEqualTo(200);
            assertThat(typo.body()).contains("id=\"code-error\"");
            assertThat(subscriber.post("/portal", Map.of("code", o.code())).status()).isEqualTo(302);
        } finally {
            clock.advance(Duration.ofMinutes(11));
        }
    }

    private void assignment(long org, String subscriber, String ip, Instant from, Optional<Instant> to) {
        jdbc.sql("""
                insert into assignment (organisation_id, session_key, subscriber_id, ip, started_at, stopped_at,
                    last_seen_at, source)
                values (?, ?, ?, cast(? as inet), ?, ?, ?, 'test')""")
                .params(org, UUID.randomUUID().toString(), subscriber, ip, Timestamp.from(from),
                        to.map(Timestamp::from).orElse(null), Timestamp.from(to.orElse(from)))
                .update();
    }

    private static String jst(Instant at) {
        return DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo")).format(at);
    }
}
