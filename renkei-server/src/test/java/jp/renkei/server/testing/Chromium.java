package jp.renkei.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven by Debian's chromedriver, headless, for pages that must work in a real
 * browser (e.g. the portal on a phone-sized window). No browser downloads, no network beyond localhost.
 */
public final class Chromium {

    private Chromium() {
    }

    /** A headless chromium with a window of the given size, speaking Japanese first. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, false);
    }

    /**
     * A headless chromium emulating a phone whose screen is {@code width} × {@code height} CSS
     * pixels (touch, device pixel ratio 3): a desktop window cannot be made narrower than about
     * 500 pixels, a phone's viewport is.
     */
    public static ChromeDriver phone(int width, int height) {
        return start(width, height, true);
    }

    private static ChromeDriver start(int width, int height, boolean phone) {
        Path binary = Path.of("/usr/bin/chromium");
        Path driver = Path.of("/usr/bin/chromedriver");
        if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=ja", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("renkei-chromium"));
            if (phone) {
                options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                        java.util.Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
