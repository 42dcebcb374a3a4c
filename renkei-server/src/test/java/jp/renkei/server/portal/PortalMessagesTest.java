package jp.renkei.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.core.quarantine.ConsentLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keys the portal and the remediation editor build at run time (per case state, problem kind,
 * consent level, channel and form field) exist in both languages: a subscriber must never read
 * {@code ??portal.next.reinfected_ja??}.
 */
class PortalMessagesTest {

    @ParameterizedTest(name = "messages{0}")
    @ValueSource(strings = {"", "_ja"})
    void everyKeyBuiltAtRunTimeExists(String suffix) {
        Properties messages = new Properties();
        for (String module : List.of("portal", "remediation", "cases")) {
            Path file = Path.of("src/main/resources/messages", module + suffix + ".properties");
            try (var in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                messages.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> keys = new ArrayList<>();
        for (CaseState s : CaseState.values()) {
            keys.add("portal.status." + s.code());
            keys.add("portal.next." + s.code());
        }
        for (ProblemKind k : ProblemKind.values()) {
            keys.add("portal.kind." + k.code());
            keys.add("case.kind." + k.code());
        }
        for (ConsentLevel l : ConsentLevel.values()) {
            keys.add("portal.consent." + l.code());
            keys.add("portal.consent." + l.code() + ".explain");
        }
        for (Channel c : List.of(Channel.EMAIL, Channel.SMS, Channel.LINE)) {
            keys.add("portal.channel." + c.code());
        }
        for (String slot : List.of("first", "second", "third")) {
            keys.add("portal.preferences." + slot);
        }
        for (String field : List.of("kind", "vendor", "model", "firmware", "titleJa", "explanationJa", "stepsJa",
                "titleEn", "explanationEn", "stepsEn")) {
            keys.add("remediation." + field);
        }
        // Keys the controllers and RemediationDraft hand to the pages.
        keys.addAll(List.of("remediation.error.required", "remediation.error.tooLong", "remediation.error.kind",
                "remediation.error.vendorForModel", "remediation.error.modelForFirmware", "remediation.error.duplicate",
                "portal.error.step", "portal.error.consent", "portal.error.channels", "portal.consent.saved",
                "portal.preferences.saved", "portal.release.done", "portal.release.limit", "portal.release.none"));
        for (String event : List.of("step-done", "consent", "self-released")) {
            keys.add("event." + event);
        }

        assertThat(keys).allSatisfy(key -> assertThat(messages).as(key + " in messages/*" + suffix).containsKey(key));
    }
}
