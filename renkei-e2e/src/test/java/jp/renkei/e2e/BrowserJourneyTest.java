package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo, clicked through in Debian chromium: an operator signs in and opens a case; the
 * subscriber takes the code from the notice that reached their inbox and opens their own page.
 */
class BrowserJourneyTest {

    private static final String TOKEN = "rk_e2e_browser";
    private static final Pattern ACCESS_CODE = Pattern.compile("\\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}\\b");

    @TempDir
    Path dataDir;

    private RenkeiProcess renkei;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startDemo() {
        renkei = RenkeiProcess.start("browser", Map.of(
                "RENKEI_PORT", String.valueOf(RenkeiProcess.freePort()),
                "RENKEI_DATA_DIR", dataDir.toString(),
                "RENKEI_BOOTSTRAP_TOKEN", TOKEN,
                "RENKEI_DEMO_SMTP_PORT", String.valueOf(RenkeiProcess.freePort()),
                "RENKEI_DEMO_SUBSCRIBERS", "300",
                "RENKEI_OUTBOX_POLL", "PT1S"), "--demo");
        awaitNoticesSent();
        browser = Chromium.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        renkei.close();
    }

    @Test
    void operatorOpensACaseAndTheSubscriberOpensTheirPageWithTheCodeFromTheNotice() {
        // The operator signs in and opens a case.
        browser.get(renkei.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("operator");
        browser.findElement(By.id("password")).sendKeys("renkei-demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("counts")));

        browser.findElement(By.cssSelector("a[href='/cases']")).click();
        WebElement firstCase = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("table.cases tbody tr td a")));
        String caseId = firstCase.getText();
        firstCase.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        assertThat(browser.getCurrentUrl()).endsWith("/cases/" + caseId);
        String email = cellAfter(browser.findElement(By.id("subscriber")), 2);
        String subject = browser.findElement(By.cssSelector("#notices tbody tr td.wrap")).getText();

        // The subscriber reads the notice in their inbox…
        browser.get(renkei.baseUrl() + "/demo/mail");
        List<WebElement> rows = browser.findElements(By.cssSelector("#inbox tbody tr"));
        WebElement mail = rows.stream()
                .filter(r -> r.findElement(By.className("to")).getText().contains(email))
                .map(r -> r.findElement(By.className("open-mail")))
                .filter(link -> link.getText().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no notice to " + email + " in the inbox"));
        mail.click();
        String body = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mail-body"))).getText();
        Matcher code = ACCESS_CODE.matcher(body);
        assertThat(code.find()).as("the notice carries an access code:\n" + body).isTrue();
        assertThat(body).as("the notice sends the subscriber to the portal, not to a link to click").contains("/portal");

        // …types the code on the ISP's portal, sees what to do, and reports the fix.
        browser.manage().deleteAllCookies();
        browser.get(renkei.baseUrl() + "/portal");
        browser.findElement(By.id("code")).sendKeys(code.group());
        browser.findElement(By.id("open-case")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
        assertThat(browser.findElements(By.cssSelector("ol.steps li"))).hasSizeGreaterThanOrEqualTo(3);
        browser.findElement(By.id("fixed")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));

        RestClient api = new RestClient(renkei.baseUrl(), TOKEN);
        assertThat(api.get("/api/v1/cases/" + caseId).json().get("state").asString()).isEqualTo("fixed-reported");
    }

    private static String cellAfter(WebElement table, int row) {
        return table.findElements(By.cssSelector("tbody tr")).get(row).findElement(By.tagName("td")).getText();
    }

    private void awaitNoticesSent() {
        RestClient api = new RestClient(renkei.baseUrl(), TOKEN);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            var cases = api.get("/api/v1/cases").json();
            if (cases.size() > 0) {
                long id = cases.get(0).get("id").asLong();
                var notices = api.get("/api/v1/notices?case=" + id).json();
                if (notices.size() > 0 && "sent".equals(notices.get(0).get("state").asString())) {
                    return;
                }
            }
            RenkeiProcess.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the demo did not open cases and send notices in time:\n" + renkei.logTail());
    }
}
