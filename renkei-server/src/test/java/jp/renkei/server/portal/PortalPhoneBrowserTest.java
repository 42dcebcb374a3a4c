package jp.renkei.server.portal;

import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.renkei.core.cases.CaseState;
import jp.renkei.core.escalation.Channel;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.server.cases.CaseEvent;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.quarantine.Consents;
import jp.renkei.server.remediation.RemediationDraft;
import jp.renkei.server.remediation.RemediationEntries;
import jp.renkei.server.subscribers.SubscriberPreferences;
import jp.renkei.server.testing.Chromium;
import jp.renkei.server.testing.PhoneScreen;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The portal on a phone: a subscriber types the code, works through the steps, chooses, and says "fixed". */
@RenkeiTest
class PortalPhoneBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CaseManagement cases;
    @Autowired
    PortalAccess access;
    @Autowired
    RemediationEntries remediation;
    @Autowired
    Consents consents;
    @Autowired
    SubscriberPreferences preferences;

    @Test
    void aSubscriberOnAPhoneReadsTheStepsTicksOneChoosesAndReportsTheFix() {
        Sightings sightings = Sightings.in(context);
        long org = sightings.organisation("Demo ISP");
        String subscriber = "S-PHONE-" + UUID.randomUUID().toString().substring(0, 8);
        String model = "PH-" + UUID.randomUUID().toString().substring(0, 6);
        remediation.create(org, new RemediationDraft(INFECTED.code(), "ExampleCam", model, "", "カメラの対処をお願いします",
                "カメラが乗っ取られ、ほかへの攻撃に使われています。", "カメラの電源を抜く\n初期化ボタンを10秒押す\n新しいパスワードを設定する",
                "Please fix your camera", "Your camera was taken over.", "Unplug it\nHold reset for 10 s\nSet a new password"),
                "test");
        sightings.subscriber(org, subscriber, "山田 太郎", "taro@example.jp", "ja");
        sightings.record(org, Sighting.of(subscriber, INFECTED, Instant.now().minus(Duration.ofHours(2)), "192.0.2.77")
                .device("ExampleCam", model));
        SubscriberCase c = cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(subscriber)), 1)
                .get(0);
        String code = access.issue(org, c.id()).display();

        ChromeDriver phone = Chromium.phone(390, 844);
        try {
            WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
            // Every action reloads the page: an element found just before the reload goes stale.
            wait.ignoring(StaleElementReferenceException.class);
            phone.get("http://localhost:" + port + "/portal");
            phone.findElement(By.id("code")).sendKeys(code);
            phone.findElement(By.id("open-case")).click();
            WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
            assertThat(status.getDomAttribute("data-state")).isEqualTo("acknowledged");
            assertThat(phone.findElement(By.id("acknowledged-now")).isDisplayed()).isTrue();

            List<WebElement> steps = phone.findElements(By.cssSelector("ol.steps li"));
            assertThat(steps).hasSize(3);
            assertThat(steps.get(1).getText()).contains("初期化ボタンを10秒押す");
            PhoneScreen.assertFits(phone, 390);

            PhoneScreen.screenshot(phone, "portal-phone-steps.png");
            phone.findElement(By.id("step-done-1")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("step-1"), "data-done", "true"));
            assertThat(phone.findElements(By.id("step-done-1"))).isEmpty();

            phone.findElement(By.id("consent-quarantine-allowed")).click();
            phone.findElement(By.id("save-consent")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("consent-current"), "data-level", "quarantine-allowed"));

            new Select(phone.findElement(By.id("pref-first"))).selectByValue("line");
            phone.findElement(By.id("save-preferences")).click();
            // The saved page shows the stored choice selected.
            wait.until(d -> "line".equals(new Select(d.findElement(By.id("pref-first"))).getFirstSelectedOption()
                    .getDomAttribute("value")) && d.findElements(By.cssSelector("#saved")).size() == 1);

            phone.findElement(By.id("fixed")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-state", "fixed-reported"));
            assertThat(phone.findElement(By.id("thanks")).isDisplayed()).isTrue();
            assertThat(phone.findElements(By.id("fixed"))).isEmpty();
            PhoneScreen.screenshot(phone, "portal-phone-fixed.png");
        } finally {
            phone.quit();
        }

        assertThat(cases.find(org, c.id()).orElseThrow().state()).isEqualTo(CaseState.FIXED_REPORTED);
        assertThat(cases.timeline(org, c.id())).extracting(CaseEvent::kind)
                .contains("acknowledged", "step-done", "consent", "fix-reported");
        assertThat(consents.current(org, subscriber).orElseThrow().level()).isEqualTo(ConsentLevel.QUARANTINE_ALLOWED);
        assertThat(preferences.preferences(org, subscriber).channels()).containsExactly(Channel.LINE);
    }
}
