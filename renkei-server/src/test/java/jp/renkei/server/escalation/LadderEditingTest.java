package jp.renkei.server.escalation;

import static jp.renkei.core.intake.ProblemKind.EXPOSED_TELNET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.LadderExperiment;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Browser;
import jp.renkei.server.testing.MovableClock;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An ISP's administrator edits ladders in the browser or through the API: a save is a new version
 * that running cases do not see, the default picks the ladder for new cases, an experiment draws
 * a ladder per case and records the arm, mistakes are refused naming the field, and no other ISP
 * sees any of it.
 */
@RenkeiTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = "renkei.escalation.poll-interval=PT1H")
class LadderEditingTest {

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

    Tenants tenants;
    Tenants.Member admin;
    long org;
    Sightings sightings;

    @BeforeEach
    void anIspOfItsOwn() {
        tenants = new Tenants(context.getBean(Accounts.class));
        admin = tenants.newIsp("Ladder editing ISP", Role.ADMINISTRATOR);
        org = admin.organisationId();
        sightings = Sightings.in(context);
    }

    @Test
    void editingALadderMakesANewVersionThatRunningCasesDoNotSee() {
        put("""
                {"ladders": [{"name": "standard", "steps": [{"after": "P0D", "channel": "email"},
                                                             {"after": "P3D", "channel": "sms"}]}],
                 "default": "standard"}""");
        long first = open("S-V1");
        Api.Answer edited = put("""
                {"ladders": [{"name": "standard", "steps": [{"after": "0", "channel": "email"},
                                                             {"after": "1", "channel": "call-list"}]}]}""");
        assertThat(edited.json().get("ladders").valueStream().filter(l -> l.get("name").asString().equals("standard"))
                .findFirst().orElseThrow().get("version").asInt()).isEqualTo(2);
        long second = open("S-V2");

        assertThat(ladderRuns.runs(org, first).get(0).version()).isEqualTo(1);
        assertThat(ladderRuns.runs(org, second).get(0).version()).isEqualTo(2);
        assertThat(cases.timeline(org, first)).extracting(CaseEvent::kind, CaseEvent::detail)
                .contains(tuple("ladder-started", "standard@1"));

        clock.advance(Duration.ofDays(1));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, first)).extracting(HandledStep::step).containsExactly("standard@1#0");
        assertThat(ladderRuns.handledSteps(org, second)).extracting(HandledStep::step, HandledStep::channel)
                .containsExactly(tuple("standard@2#0", Channel.EMAIL),
                        tuple("standard@2#1", Channel.CALL_LIST));

        clock.advance(Duration.ofDays(2));
        ladderRuns.advanceDue();
        assertThat(ladderRuns.handledSteps(org, first)).extracting(HandledStep::step, HandledStep::channel)
                .containsExactly(tuple("standard@1#0", Channel.EMAIL),
                        tuple("standard@1#1", Channel.SMS));

        Api.Answer unchanged = put("""
                {"ladders": [{"name": "standard", "steps": [{"after": "P0D", "channel": "email"},
                                                             {"after": "P1D", "channel": "call-list"}]}]}""");
        assertThat(unchanged.body()).as("saving the same ladder again makes no version").contains("\"version\":2")
                .doesNotContain("\"version\":3");
    }

    @Test
    void anExperimentDrawsALadderPerCaseAndRecordsTheArm() {
        put("""
                {"ladders": [{"name": "mail-first", "steps": [{"after": "P0D", "channel": "email"}]},
                             {"name": "garden-first", "steps": [{"after": "P0D", "channel": "email"},
                                                                 {"after": "P2D", "channel": "walled-garden"}]}],
                 "experiment": {"name": "garden-vs-mail", "seed": "2026-12 seed",
                                "arms": [{"ladder": "mail-first", "weight": 1}, {"ladder": "garden-first", "weight": 1}]}}""");
        LadderExperiment draw = new LadderExperiment("garden-vs-mail", "2026-12 seed", List.of("mail-first", "garden-first"));

        List<String> arms = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long caseId = open("S-ARM-" + i);
            CaseLadderRun run = ladderRuns.runs(org, caseId).get(0);
            assertThat(run.experiment()).contains("garden-vs-mail");
            assertThat(run.arm()).contains(run.ladder());
            assertThat(run.ladder()).as("the core's seeded draw").isEqualTo(draw.assign(String.valueOf(caseId)));
            assertThat(cases.timeline(org, caseId)).extracting(CaseEvent::kind, CaseEvent::detail)
                    .contains(tuple("ladder-started", run.ladder() + "@1 arm " + run.ladder()));
            arms.add(run.arm().orElseThrow());
        }
        assertThat(arms).contains("mail-first", "garden-first");

        put("{\"experiment\": null, \"default\": \"mail-first\"}");
        long after = open("S-AFTER");
        CaseLadderRun run = ladderRuns.runs(org, after).get(0);
        assertThat(run.ladder()).isEqualTo("mail-first");
        assertThat(run.arm()).isEmpty();
        assertThat(cases.timeline(org, after)).extracting(CaseEvent::detail).contains("mail-first@1");
    }

    @Test
    void weightsShiftTheDraw() {
        put("""
                {"ladders": [{"name": "heavy", "steps": [{"after": "P0D", "channel": "email"}]},
                             {"name": "light", "steps": [{"after": "P0D", "channel": "email"}]}],
                 "experiment": {"name": "weighted", "seed": "w",
                                "arms": [{"ladder": "heavy", "weight": 9}, {"ladder": "light", "weight": 1}]}}""");
        var experiment = context.getBean(Ladders.class).setup(org).experiment().orElseThrow();

        long heavy = IntStream.range(0, 2000).filter(i -> experiment.draw(i)
                .equals("heavy")).count();

        assertThat(heavy).isBetween(1700L, 1900L);
    }

    @Test
    void mistakesAreRefusedNamingTheFieldAndNothingIsSaved() {
        Api.Answer badDelay = putRaw("""
                {"ladders": [{"name": "ok", "steps": [{"after": "P0D", "channel": "email"}]},
                             {"name": "broken", "steps": [{"after": "P0D", "channel": "email"},
                                                           {"after": "soon", "channel": "sms"}]}]}""");
        assertThat(badDelay.status()).isEqualTo(400);
        assertThat(badDelay.json().get("parameter").asString()).isEqualTo("ladders[1].steps[1].after");
        assertThat(badDelay.json().get("detail").asString()).contains("soon");
        assertThat(api().get("/api/v1/ladders").body()).as("all or nothing").doesNotContain("\"ok\"");

        assertThat(putRaw("""
                {"ladders": [{"name": "x", "steps": [{"after": "P3D", "channel": "email"}, {"after": "P1D", "channel": "sms"}]}]}""")
                .json().get("parameter").asString()).isEqualTo("ladders[0].steps[1].after");
        assertThat(putRaw("""
                {"ladders": [{"name": "x", "steps": [{"after": "P0D", "channel": "pigeon"}]}]}""")
                .json().get("parameter").asString()).isEqualTo("ladders[0].steps[0].channel");
        assertThat(putRaw("""
                {"ladders": [{"name": "x", "steps": [{"after": "P0D", "channel": "email"}],
                              "quietHours": {"from": "21:00", "to": "8 o'clock"}}]}""")
                .json().get("parameter").asString()).isEqualTo("ladders[0].quietHours.to");
        assertThat(putRaw("{\"default\": \"nonexistent\"}").json().get("parameter").asString()).isEqualTo("default");
        assertThat(putRaw("""
                {"experiment": {"name": "e", "arms": [{"ladder": "default", "weight": 1}]}}""")
                .json().get("parameter").asString()).isEqualTo("experiment.arms");
    }

    @Test
    void theAdministratorEditsLaddersInTheBrowserAndOthersOnlyRead() {
        Browser browser = signedIn(admin);
        Browser.Page list = browser.get("/escalation/ladders");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"ladder-default\"", "id=\"new-ladder\"", "id=\"start-experiment\"")
                .doesNotContain("??");
        assertThat(browser.get("/escalation/ladders/default").body()).contains("name=\"after\"", "value=\"14\"")
                .doesNotContain("??");

        browser.get("/escalation/ladders/new");
        Browser.Page refused = browser.post("/escalation/ladders", Map.of("name", "web-ladder", "after", "0",
                "channel", "telegram"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"steps[0].channel\"", "telegram", "value=\"web-ladder\"");

        Browser.Page saved = browser.post("/escalation/ladders?after=0&channel=email&after=2&channel=letter",
                Map.of("name", "web-ladder", "quietFrom", "22:00", "quietTo", "07:00"));
        assertThat(saved.status()).isEqualTo(302);
        browser.get("/escalation/ladders");
        assertThat(browser.post("/escalation/ladders/default", Map.of("ladder", "web-ladder")).status()).isEqualTo(302);
        String after = browser.get("/escalation/ladders").body();
        assertThat(after).contains("id=\"ladder-web-ladder\"", "22:00–07:00 Asia/Tokyo");
        assertThat(context.getBean(Ladders.class).setup(org).defaultLadder()).isEqualTo("web-ladder");

        Tenants.Member operator = tenants.member(org, Role.OPERATOR);
        Browser reader = signedIn(operator);
        assertThat(reader.get("/escalation/ladders").body()).contains("id=\"ladder-web-ladder\"")
                .doesNotContain("id=\"new-ladder\"");
        assertThat(reader.post("/escalation/ladders", Map.of("name", "nope", "after", "0", "channel", "email")).status())
                .isEqualTo(403);
        assertThat(LadderJson.put(port, operator.token(), "{\"default\": \"default\"}").status()).isEqualTo(403);
        assertThat(new Api(port, operator.token()).get("/api/v1/ladders").status()).isEqualTo(200);
    }

    @Test
    void anotherIspNeitherSeesNorChangesTheseLadders() {
        put("""
                {"ladders": [{"name": "private-ladder", "steps": [{"after": "P0D", "channel": "email"}]}],
                 "default": "private-ladder"}""");
        Tenants.Member other = tenants.newIsp("Other ladder ISP", Role.ADMINISTRATOR);

        Api.Answer theirs = new Api(port, other.token()).get("/api/v1/ladders");
        assertThat(theirs.body()).doesNotContain("private-ladder");
        assertThat(theirs.json().get("default").asString()).isEqualTo("default");
        Browser browser = signedIn(other);
        assertThat(browser.get("/escalation/ladders").body()).doesNotContain("private-ladder");
        assertThat(browser.get("/escalation/ladders/private-ladder").status()).isEqualTo(404);
        assertThat(signedIn(admin).get("/escalation/ladders/private-ladder").status()).isEqualTo(200);
        assertThat(LadderJson.put(port, other.token(), "{\"default\": \"private-ladder\"}").status()).isEqualTo(400);
        assertThat(context.getBean(Ladders.class).setup(org).defaultLadder()).isEqualTo("private-ladder");
    }

    private Api api() {
        return new Api(port, admin.token());
    }

    private Api.Answer put(String json) {
        Api.Answer answer = putRaw(json);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private Api.Answer putRaw(String json) {
        LadderJson.Answer answer = LadderJson.put(port, admin.token(), json);
        tools.jackson.databind.JsonNode node;
        try {
            node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body());
        } catch (RuntimeException notJson) {
            node = tools.jackson.databind.node.MissingNode.getInstance();
        }
        return new Api.Answer(answer.status(), node, answer.body());
    }

    private Browser signedIn(Tenants.Member member) {
        Browser browser = new Browser(port);
        assertThat(browser.signIn(member.username(), member.password()).location()).doesNotContain("error");
        return browser;
    }

    private long open(String subscriberId) {
        sightings.subscriber(org, subscriberId, "試験 太郎", subscriberId.toLowerCase() + "@example.jp", "ja");
        sightings.record(org, Sighting.of(subscriberId, EXPOSED_TELNET, clock.instant().minus(Duration.ofHours(1)),
                "203.0.113.150"));
        return cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(subscriberId)), 1).get(0).id();
    }
}
