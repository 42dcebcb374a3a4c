package jp.renkei.server.intake.feeds;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Files uploaded in the web UI: spooled and registered like any collector's file (so they survive
 * a restart and are recognised when already taken in), then imported on a background executor
 * while the page polls {@link #job}.
 */
@Service
public class Uploads implements DisposableBean {

    /** Feed name of uploads made without choosing a feed. */
    public static final String UPLOAD_FEED = "upload";

    /** What an upload asks for. */
    public record Request(long organisationId, String actor, Optional<String> feed, String format,
            Optional<String> reportType, Optional<String> mapping, String fileName) {}

    /**
     * An upload's progress and, once finished, its import run.
     *
     * @param bytesRead bytes the import has read so far, while it runs
     */
    public record Job(Delivery delivery, OptionalLong bytesRead, Optional<ImportRuns.Run> run) {

        /** Percent of the file read, 100 once finished. */
        public int percent() {
            if (delivery.finished()) {
                return 100;
            }
            long size = Math.max(1, delivery.sizeBytes());
            return (int) Math.min(99, bytesRead.orElse(0) * 100 / size);
        }
    }

    private final Spool spool;
    private final Deliveries deliveries;
    private final DeliveryIntake intake;
    private final ImportProgress progress;
    private final ImportRuns runs;
    private final FeedCatalogue feeds;
    private final ExecutorService executor;

    Uploads(Spool spool, Deliveries deliveries, DeliveryIntake intake, ImportProgress progress, ImportRuns runs,
            FeedCatalogue feeds, @Value("${renkei.intake.upload-threads:2}") int threads) {
        this.spool = spool;
        this.deliveries = deliveries;
        this.intake = intake;
        this.progress = progress;
        this.runs = runs;
        this.feeds = feeds;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "renkei-upload-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Spools the file, registers it and starts its import in the background. A chosen feed lends
     * its format, report type and mapping where the request leaves them out.
     *
     * @return the id to follow the job with
     * @throws InvalidFeedException for a feed the organisation does not have, or an unknown format
     */
    public long upload(Request r, InputStream content) {
        long id = register(r, content);
        executor.execute(() -> intake.process(id));
        return id;
    }

    private long register(Request r, InputStream content) {
        Optional<Feed> feed = r.feed().filter(f -> !f.isBlank()).map(name -> feeds.find(r.organisationId(), name)
                .orElseThrow(() -> new InvalidFeedException("feed: no feed named '" + name + "'")));
        String format = r.format().isBlank() ? feed.map(Feed::format).orElse("shadowserver") : r.format();
        if (!FeedDefinition.FORMATS.contains(format)) {
            throw new InvalidFeedException("format: one of " + String.join(", ", FeedDefinition.FORMATS));
        }
        String feedName = feed.map(Feed::name).orElse(UPLOAD_FEED);
        Spool.Spooled file = spool.write(spool.spooled(r.organisationId(), feedName), r.fileName(), content);
        return deliveries.register(new Deliveries.Receipt(r.organisationId(), feedName, format,
                r.reportType().or(() -> feed.flatMap(Feed::reportType)),
                r.mapping().or(() -> feed.flatMap(Feed::mapping)), r.actor(), "upload by " + r.actor(),
                r.fileName(), file));
    }

    /**
     * Spools, registers and imports the file before answering: the REST path into a feed, with
     * the same content-hash check and spool as every collector.
     *
     * @return the finished job
     * @throws InvalidFeedException for a feed the organisation does not have, or an unknown format
     */
    public Job importNow(Request r, InputStream content) {
        long id = register(r, content);
        intake.process(id);
        // The collectors' tick may have claimed the file first; it finishes it then.
        while (true) {
            Job job = job(r.organisationId(), id).orElseThrow();
            if (job.delivery().finished()) {
                return job;
            }
            if (job.delivery().state().equals(Delivery.RECEIVED)) {
                intake.process(id);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }

    /** The upload's job, if it belongs to the organisation. */
    public Optional<Job> job(long organisationId, long id) {
        return deliveries.find(organisationId, id).map(d -> new Job(d, progress.bytesRead(id),
                d.importRunId().flatMap(run -> runs.find(organisationId, run))));
    }

    @Override
    public void destroy() {
        // An interrupted import stays 'importing' and is run again at the next start.
        executor.shutdownNow();
    }
}
