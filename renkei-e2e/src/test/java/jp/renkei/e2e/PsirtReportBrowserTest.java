package jp.renkei.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
 * A vendor's contact point in Debian chromium against the packaged jar: a reporter follows the
 * vendor's security.txt to the report form and sends a report with an attachment; the PSIRT signs
 * in and finds it in its queue; the reporter's mailbox holds the acknowledgement with the tracking id.
 */
class PsirtReportBrowserTest {

    private static final String PASSWORD = "e2e-psirt-password";

    @TempDir
    Path dataDir;

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private RenkeiProcess renkei;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startAVendorsRenkei() {
        smtp.start();
        int port = RenkeiProcess.freePort();
        renkei = RenkeiProcess.start("psirt", Map.of(
                "RENKEI_PORT", String.valueOf(port),
                "RENKEI_DATA_DIR", dataDir.toString(),
                "RENKEI_BOOTSTRAP_ORG", "Example Devices",
                "RENKEI_BOOTSTRAP_ORG_KIND", "vendor",
                "RENKEI_BOOTSTRAP_PASSWORD", PASSWORD,
                "RENKEI_PUBLIC_URL", "http://localhost:" + port,
                "RENKEI_SMTP_HOST", "127.0.0.1",
                "RENKEI_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "RENKEI_OUTBOX_POLL", "PT1S"));
        browser = Chromium.start(1280, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        renkei.close();
        smtp.stop();
    }

    @Test
    void aReportSentThroughThePublicFormReachesThePsirtsQueueAndTheReporterIsAcknowledgedWithTheTrackingId()
            throws Exception {
        // The reporter finds the contact in security.txt, as a researcher would.
        browser.get(renkei.baseUrl() + "/.well-known/security.txt");
        String securityTxt = browser.findElement(By.tagName("body")).getText();
        String contact = Arrays.stream(securityTxt.split("\n")).filter(l -> l.startsWith("Contact: http"))
                .findFirst().orElseThrow(() -> new AssertionError("no web contact in:\n" + securityTxt))
                .substring("Contact: ".length()).strip();
        assertThat(securityTxt).contains("Expires: ", "Preferred-Languages: ja, en",
                "CSAF: " + renkei.baseUrl() + "/.well-known/csaf/provider-metadata.json");

        browser.get(contact);
        browser.findElement(By.id("name")).sendKeys("山田 太郎");
        browser.findElement(By.id("email")).sendKeys("taro@finder.example");
        browser.findElement(By.id("product")).sendKeys("RT-100 ホームルーター");
        browser.findElement(By.id("firmware")).sendKeys("1.0.0");
        browser.findElement(By.id("description")).sendKeys("管理画面に初期パスワードのままログインでき、設定を変更できます。");
        browser.findElement(By.id("attachments")).sendKeys(pocFile().toString());
        browser.findElement(By.id("credit")).click();
        browser.findElement(By.id("send-report")).click();
        String trackingId = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-id"))).getText();
        assertThat(trackingId).matches("RK-\\d{4}-000001");

        // The PSIRT signs in and finds the report in its queue.
        browser.manage().deleteAllCookies();
        browser.get(renkei.baseUrl() + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/psirt']"))).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue tr[data-tracking-id='" + trackingId + "']")));
        assertThat(row.getText()).contains("山田 太郎", "RT-100");
        row.findElement(By.className("tracking-id")).click();
        String description = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("description"))).getText();
        assertThat(description).contains("初期パスワード");
        assertThat(browser.findElement(By.id("attachments")).getText()).contains("poc.txt");

        // The reporter's mailbox has the acknowledgement with the tracking id, in Japanese.
        MimeMessage ack = awaitMail("taro@finder.example");
        assertThat(ack.getSubject()).contains(trackingId);
        assertThat((String) ack.getContent()).contains("追跡番号: " + trackingId, "山田 太郎 様");
    }

    private Path pocFile() {
        try {
            Path file = dataDir.resolve("poc.txt");
            Files.writeString(file, "curl -u admin:admin http://192.0.2.1/cgi-bin/config\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MimeMessage awaitMail(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (!mails.isEmpty()) {
                assertThat(mails).hasSize(1);
                return mails.get(0);
            }
            RenkeiProcess.sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("no acknowledgement reached " + address + ":\n" + renkei.logTail());
    }
}
