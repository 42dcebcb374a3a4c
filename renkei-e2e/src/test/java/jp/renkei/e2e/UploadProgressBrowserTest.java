package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * Issue 3, acceptance 6, in Debian chromium against the packaged jar: an operator uploads a
 * report on the feeds page, watches the progress bar move, and reads the result summary.
 */
class UploadProgressBrowserTest {

    private static final int ROWS = 20_000;

    @TempDir
    Path dataDir;
    @TempDir
    Path files;

    private RenkeiProcess renkei;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        renkei = RenkeiProcess.start("upload-browser", Map.of(
                "RENKEI_PORT", String.valueOf(RenkeiProcess.freePort()),
                "RENKEI_DATA_DIR", dataDir.toString(),
                "RENKEI_BOOTSTRAP_PASSWORD", "e2e-admin-password"));
        browser = Chromium.start(1280, 900);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        renkei.close();
    }

    @Test
    void operatorUploadsAReportAndSeesTheProgressAndTheResultSummary() {
        Path report = ReportFiles.scanTelnet(files.resolve("2024-09-24-scan_telnet-browser-jp.csv"), ROWS);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(renkei.baseUrl() + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("e2e-admin-password");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlToBe(renkei.baseUrl() + "/"));

        browser.get(renkei.baseUrl() + "/feeds");
        browser.findElement(By.id("upload-file")).sendKeys(report.toString());
        browser.findElement(By.id("upload-submit")).click();

        // The job appears in place (htmx) with a progress bar that the page keeps polling.
        WebElement progress = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
        assertThat(browser.getCurrentUrl()).endsWith("/feeds");
        List<Integer> seen = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (browser.findElements(By.id("upload-summary")).isEmpty()) {
            assertThat(Instant.now()).as("import never finished; progress seen: %s", seen).isBefore(deadline);
            // Read in the page: htmx swaps the fragment, so a held element goes stale.
            Object value = browser.executeScript(
                    "var p = document.getElementById('import-progress'); return p ? Math.round(p.value) : null;");
            if (value instanceof Number n) {
                seen.add(n.intValue());
            }
            RenkeiProcess.sleep(Duration.ofMillis(150));
        }
        assertThat(progress).isNotNull();
        assertThat(seen).as("the bar showed the import under way").isNotEmpty().anyMatch(v -> v < 100);

        String summary = browser.findElement(By.id("upload-summary")).getText();
        assertThat(summary).contains("20,000 accepted, 0 duplicates, 0 rejected.");
        assertThat(browser.findElement(By.id("import-progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("job")).getDomAttribute("data-state")).isEqualTo("imported");
        browser.executeScript("document.getElementById('upload-job').scrollIntoView()");
        screenshot("feeds-upload-summary.png");
    }

    /** Kept under target/e2e-logs for a person to look at the page as the test saw it. */
    private void screenshot(String name) {
        try {
            Path dir = java.nio.file.Files.createDirectories(Path.of("target", "e2e-logs"));
            java.nio.file.Files.write(dir.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
