package jp.renkei.server.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running by a Renkei that was killed (kill -9, power loss of the JVM only):
 * it still holds the data directory, so the next start would wait for it forever. Only called
 * while holding the data directory lock, so the postmaster cannot belong to a live Renkei.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    private OrphanedPostmaster() {}

    static void stopIfRunning(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(OrphanedPostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself ignores it
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous Renkei that did not shut down",
                process.pid(), pgData);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, its clients are gone already
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            process.destroyForcibly(); // crash-safe: PostgreSQL replays its WAL on the next start
            waitForExit(process, Duration.ofSeconds(10));
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return !process.isAlive();
        }
    }
}
