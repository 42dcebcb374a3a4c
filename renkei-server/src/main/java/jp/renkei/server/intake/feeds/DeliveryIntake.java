package jp.renkei.server.intake.feeds;

import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.platform.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes received files in: each is imported once per content (a file whose SHA-256 the
 * organisation already took in is marked a duplicate, whichever collector brought it), and stays
 * in its spool folder until the import run is recorded, so a killed import is redone at startup.
 */
@Service
public class DeliveryIntake {

    private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);
    /** A file that keeps failing for reasons other than its content is given up after this many tries. */
    static final int MAX_ATTEMPTS = 5;

    private final Deliveries deliveries;
    private final ImportRuns runs;
    private final ObservationImport importer;
    private final ImportProgress progress;
    private final Spool spool;
    /** Organisation and content hash of files being imported right now: one import per content at a time. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    DeliveryIntake(Deliveries deliveries, ImportRuns runs, ObservationImport importer, ImportProgress progress,
            Spool spool) {
        this.deliveries = deliveries;
        this.runs = runs;
        this.importer = importer;
        this.progress = progress;
        this.spool = spool;
    }

    /** Registers a spooled file; it is imported by {@link #process} or the next collector tick. */
    public long receive(Deliveries.Receipt receipt) {
        return deliveries.register(receipt);
    }

    /** Imports every received file, oldest first. */
    public void processReceived() {
        for (long id : deliveries.received()) {
            process(id);
        }
    }

    /** Imports one feed's received files, oldest first. */
    public void processReceived(long organisationId, String feedName) {
        for (long id : deliveries.received(organisationId, feedName)) {
            process(id);
        }
    }

    /**
     * Imports one received file unless another worker has it. On success the file moves to
     * {@code done/}; a file the format cannot read moves to {@code failed/}; any other failure
     * (database, disk) leaves it received for the next tick.
     */
    public void process(long id) {
        Optional<Delivery> claimed = deliveries.claim(id);
        if (claimed.isEmpty()) {
            return;
        }
        Delivery d = claimed.get();
        String key = d.organisationId() + ":" + d.contentSha256();
        if (!inFlight.add(key)) {
            deliveries.release(id, "waiting: the same content is being imported");
            return;
        }
        try {
            Optional<ImportRuns.Run> earlier = runs.takenIn(d.organisationId(), d.contentSha256());
            if (earlier.isPresent()) {
                // A file tried before (interrupted) whose content has a run started since it arrived:
                // that run is its own, recorded just before the process died.
                boolean own = attemptsOf(d) > 1 && !earlier.get().startedAt().isBefore(d.receivedAt());
                deliveries.finish(id, own ? Delivery.IMPORTED : Delivery.DUPLICATE, Optional.of(earlier.get().id()),
                        own ? "" : "already taken in: import run " + earlier.get().id(),
                        spool.archive(d.spoolPath(), true));
                return;
            }
            ImportResult result;
            try (InputStream in = progress.counted(id, Files.newInputStream(d.spoolPath()))) {
                result = importer.importReport(new ObservationImportRequest(d.organisationId(), d.actor(), d.format(),
                        d.fileName(), d.reportType(), d.mapping(), d.feedName()), in);
            }
            Optional<Long> run = runs.takenIn(d.organisationId(), d.contentSha256()).map(ImportRuns.Run::id);
            deliveries.finish(id, Delivery.IMPORTED, run, result.accepted() + " accepted, " + result.duplicates()
                    + " duplicates, " + result.rejected().size() + " rejected", spool.archive(d.spoolPath(), true));
        } catch (ImportFormatException | IllegalArgumentException e) {
            deliveries.finish(id, Delivery.FAILED, Optional.empty(), e.getMessage(), spool.archive(d.spoolPath(), false));
        } catch (NoSuchFileException e) {
            deliveries.finish(id, Delivery.FAILED, Optional.empty(), "the spooled file is gone: " + e.getFile(),
                    d.spoolPath());
        } catch (Exception e) {
            log.warn("import of {} ({}) failed, attempt {}: {}", d.fileName(), d.feedName(), attemptsOf(d), e.toString());
            if (attemptsOf(d) >= MAX_ATTEMPTS) {
                deliveries.finish(id, Delivery.FAILED, Optional.empty(), "gave up: " + e.getMessage(),
                        spool.archive(d.spoolPath(), false));
            } else {
                deliveries.release(id, "will retry: " + e.getMessage());
            }
        } finally {
            progress.done(id);
            inFlight.remove(key);
        }
    }

    /** The spool folder files of a feed go to when the feed is not a watched directory. */
    public Path spoolFolder(long organisationId, String feedName) {
        return spool.spooled(organisationId, feedName);
    }

    private int attemptsOf(Delivery d) {
        return deliveries.attempts(d.id());
    }
}
