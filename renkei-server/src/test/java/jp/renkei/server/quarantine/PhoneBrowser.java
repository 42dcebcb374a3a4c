package jp.renkei.server.quarantine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium on a phone-sized window, every host name resolved to loopback: what a
 * quarantined subscriber's phone sees when the policy zone sends all names to the garden.
 */
final class PhoneBrowser {

    private PhoneBrowser() {
    }

    static ChromeDriver start(int width, int height) {
        Path binary = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does this)");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=ja",
                    "--host-resolver-rules=MAP * 127.0.0.1",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("renkei-phone"));
            // A phone's viewport and pixel ratio, not a narrow desktop window (headless has a minimum width).
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 3.0)));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
