package jp.renkei.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Renkei installation (data directory, HTTP port, bootstrap token) run as a series of
 * {@link RenkeiProcess}es that are killed and restarted, mailing a GreenMail SMTP server that
 * outlives them all, so a test counts every mail any of the processes sent. The crash tests'
 * common setup; each adds the RENKEI_* variables its own subject needs. Registered as a field
 * ({@code @RegisterExtension}), it gives each test a new empty data directory and mail server.
 */
final class CrashedInstallation implements BeforeEachCallback, AfterEachCallback {

    private final String token;
    private Path dataDir;
    private int httpPort;
    private int smtpPort;
    private GreenMail smtp;

    /** An installation whose bootstrap administrator has this API token; processes start with {@link #start}. */
    CrashedInstallation(String token) {
        this.token = token;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("renkei-e2e-installation-");
        httpPort = RenkeiProcess.freePort();
        smtpPort = RenkeiProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Stops the mail server and removes the data directory (the processes are each test's to stop). */
    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        smtp.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Every mail the installation's processes sent so far, and a way to wait for more. */
    GreenMail smtp() {
        return smtp;
    }

    /**
     * Starts a process on the installation's data directory and port, its outbox polling every
     * second, with {@code extraEnv} added to (or overriding) that environment.
     */
    RenkeiProcess start(String name, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("RENKEI_BOOTSTRAP_TOKEN", token);
        env.put("RENKEI_PORT", String.valueOf(httpPort));
        env.put("RENKEI_DATA_DIR", dataDir.toString());
        env.put("RENKEI_SMTP_HOST", "127.0.0.1");
        env.put("RENKEI_SMTP_PORT", String.valueOf(smtpPort));
        env.put("RENKEI_OUTBOX_POLL", "PT1S");
        env.putAll(extraEnv);
        return RenkeiProcess.start(name, env);
    }

    /** The REST API of a running process, with the installation's token. */
    RestClient api(RenkeiProcess process) {
        return new RestClient(process.baseUrl(), token);
    }

    /** Who the subscribers are and which addresses they held: what attributes observations to them. */
    static void importSubscribersAndAssignments(RestClient api, SyntheticFiles files) {
        api.upload("/api/v1/subscribers/import", "subscribers.csv", files.subscribersCsv());
        api.upload("/api/v1/assignments/import?format=freeradius-detail", "detail", files.radiusDetail());
    }

    /** The Shadowserver reports that open the cases ({@link SyntheticFiles#expectedCases()} of them). */
    static void importObservations(RestClient api, SyntheticFiles files) {
        api.upload("/api/v1/observations/import?format=shadowserver", files.isp().fileName("scan_telnet"),
                files.scanTelnet());
        api.upload("/api/v1/observations/import?format=shadowserver", files.isp().fileName("event4_sinkhole"),
                files.sinkhole());
    }

    /** The Message-ID Renkei gave a notice's mail: the same for a resend of one notice, different between notices. */
    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
