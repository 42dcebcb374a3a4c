package jp.renkei.server.quarantine;

import static jp.renkei.core.intake.ProblemKind.INFECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jp.renkei.core.Language;
import jp.renkei.core.cases.CaseState;
import jp.renkei.core.quarantine.ConsentLevel;
import jp.renkei.core.remediation.RemediationGuide;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.quarantine.GardenFixtures.Line;
import jp.renkei.server.quarantine.web.GardenPort;
import jp.renkei.server.testing.Chromium;
import jp.renkei.server.testing.RenkeiTest;
import jp.renkei.server.testing.Tenants;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The quarantined subscriber's phone (390×844, chromium): whatever site they open shows the walled
 * garden with the steps for their camera, readable without sideways scrolling, and they release
 * themselves with one tap.
 */
@RenkeiTest
class GardenBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    Quarantines quarantines;
    @Autowired
    CaseManagement cases;
    @Autowired
    GardenPort garden;

    @Test
    void theSubscriberReadsTheGardenOnAPhoneAndReleasesThemselves() throws Exception {
        Tenants.Member admin = new Tenants(accounts).newIsp("Phone ISP", Role.ADMINISTRATOR);
        GardenFixtures fixtures = new GardenFixtures(context, port);
        // The browser connects from 127.0.0.1, so that is the subscriber's address now.
        Line line = fixtures.line(admin, "Q-PHONE", "127.0.0.1", "192.0.2.10", "s-phone");
        fixtures.consent(line, ConsentLevel.QUARANTINE_ALLOWED);
        quarantines.start(line.organisationId(), line.caseId(), "Q-PHONE", "default@1#2", Instant.now());

        ChromeDriver phone = Chromium.phone(390, 844, "--host-resolver-rules=MAP * 127.0.0.1", "--disable-quic");
        try {
            phone.get("http://news.example.com:" + garden.port().orElseThrow() + "/today");
            new WebDriverWait(phone, java.time.Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("garden")));
            assertThat(phone.findElements(By.cssSelector("#steps li"))).hasSize(
                    RemediationGuide.forProblem(INFECTED, Language.JA).steps().size());
            assertThat(phone.findElement(By.id("device")).getText()).contains("EC-200");
            Number pageWidth = (Number) phone.executeScript("return document.documentElement.scrollWidth");
            Number viewport = (Number) phone.executeScript("return window.innerWidth");
            assertThat(viewport.intValue()).as("a phone-sized viewport").isEqualTo(390);
            assertThat(pageWidth.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(viewport.intValue());
            Path shot = Path.of("target", "garden-phone.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, phone.getScreenshotAs(OutputType.BYTES));

            phone.findElement(By.id("release")).click();

            new WebDriverWait(phone, java.time.Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("released")));
            assertThat(phone.findElement(By.id("garden-free")).isDisplayed()).isTrue();
        } finally {
            phone.quit();
        }
        assertThat(quarantines.active(line.organisationId(), "Q-PHONE")).isEmpty();
        assertThat(quarantines.list(line.organisationId(), 1).get(0).releasedBy()).contains("subscriber");
        assertThat(cases.find(line.organisationId(), line.caseId()).orElseThrow().state())
                .isEqualTo(CaseState.ACKNOWLEDGED);
    }
}
