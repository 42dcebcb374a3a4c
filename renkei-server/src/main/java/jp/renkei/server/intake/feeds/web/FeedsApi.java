package jp.renkei.server.intake.feeds.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.imports.Rejection;

import jp.renkei.server.intake.feeds.CollectorTick;
import jp.renkei.server.intake.feeds.Delivery;
import jp.renkei.server.intake.feeds.ImportRuns;
import jp.renkei.server.intake.feeds.Uploads;
import jp.renkei.server.intake.feeds.FeedCatalogue;
import jp.renkei.server.intake.feeds.FeedDefinition;
import jp.renkei.server.intake.feeds.FeedHealth;
import jp.renkei.server.intake.feeds.FeedOverview;
import jp.renkei.server.intake.feeds.FeedSource;
import jp.renkei.server.intake.feeds.InvalidFeedException;
import jp.renkei.server.intake.feeds.Spool;
import jp.renkei.server.platform.ImportAlarm;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST v1: the organisation's feeds, their health, "collect now", and files posted into a feed. */
@RestController
@RequestMapping("/api/v1/feeds")
class FeedsApi {

    /** A feed as the API shows it; the IMAP password is never shown, only whether one is set. */
    record FeedJson(String name, String provider, String format, String reportType, String mapping, String source,
            String schedule, Map<String, String> settings, boolean passwordSet, boolean enabled, String folder,
            Instant lastRunAt, String lastRunStatus, String lastRunDetail, Health health) {}

    /**
     * What became of a file posted into a feed.
     *
     * @param state {@code imported}, {@code duplicate} (this content was already taken in: run {@code importRun}) or {@code failed}
     */
    record FileJson(long delivery, String state, String fileName, String contentSha256, Long importRun,
            long accepted, long duplicates, List<Rejection> rejected, List<ImportAlarm> alarms, String detail) {}

    /** Health and totals of a feed. */
    record Health(String status, Instant lastImportAt, long files, long accepted, long duplicates, long rejected,
            List<ImportAlarm> alarms, String detail) {}

    private final FeedCatalogue feeds;
    private final FeedOverview overview;
    private final CollectorTick collectors;
    private final Spool spool;
    private final Uploads uploads;

    FeedsApi(FeedCatalogue feeds, FeedOverview overview, CollectorTick collectors, Spool spool, Uploads uploads) {
        this.uploads = uploads;
        this.feeds = feeds;
        this.overview = overview;
        this.collectors = collectors;
        this.spool = spool;
    }

    @GetMapping
    List<FeedJson> list(RenkeiPrincipal caller) {
        return overview.all(caller.organisationId()).stream().map(this::json).toList();
    }

    @GetMapping("/{name}")
    ResponseEntity<FeedJson> one(RenkeiPrincipal caller, @PathVariable String name) {
        return ResponseEntity.of(overview.one(caller.organisationId(), name).map(this::json));
    }

    @PutMapping("/{name}")
    FeedJson save(RenkeiPrincipal caller, @PathVariable String name, @RequestBody FeedDefinition definition) {
        feeds.save(caller.organisationId(), name, definition);
        return json(overview.one(caller.organisationId(), name).orElseThrow());
    }

    /** Runs the feed's collector now and imports what it brought; answers the feed afterwards. */
    @PostMapping("/{name}/collect")
    ResponseEntity<FeedJson> collect(RenkeiPrincipal caller, @PathVariable String name) {
        return feeds.find(caller.organisationId(), name).map(feed -> {
            collectors.collectNow(feed);
            return ResponseEntity.ok(json(overview.one(caller.organisationId(), name).orElseThrow()));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * Takes a file into the feed now (the REST collector): spooled, checked against content
     * already taken in, imported, and answered with the delivery's outcome.
     */
    @PostMapping("/{name}/files")
    ResponseEntity<FileJson> file(RenkeiPrincipal caller, @PathVariable String name,
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) String type) throws IOException {
        if (feeds.find(caller.organisationId(), name).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Uploads.Job job;
        try (InputStream in = file.getInputStream()) {
            job = uploads.importNow(new Uploads.Request(caller.organisationId(), caller.actor(), Optional.of(name), "",
                    Optional.ofNullable(type).filter(t -> !t.isBlank()), Optional.empty(),
                    Objects.requireNonNullElse(file.getOriginalFilename(), "upload")), in);
        }
        Delivery d = job.delivery();
        FileJson body = new FileJson(d.id(), d.state(), d.fileName(), d.contentSha256(), d.importRunId().orElse(null),
                job.run().filter(r -> d.state().equals(Delivery.IMPORTED)).map(ImportRuns.Run::accepted).orElse(0L),
                job.run().filter(r -> d.state().equals(Delivery.IMPORTED)).map(ImportRuns.Run::duplicates).orElse(0L),
                job.run().filter(r -> d.state().equals(Delivery.IMPORTED)).map(ImportRuns.Run::rejected)
                        .orElse(List.of()),
                job.run().map(ImportRuns.Run::alarms).orElse(List.of()), d.detail());
        return d.state().equals(Delivery.FAILED) ? ResponseEntity.badRequest().body(body) : ResponseEntity.ok(body);
    }

    @ExceptionHandler(InvalidFeedException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidFeedException e) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-feed", "detail", e.getMessage()));
    }

    private FeedJson json(FeedHealth h) {
        var f = h.feed();
        return new FeedJson(f.name(), f.provider(), f.format(), f.reportType().orElse(null),
                f.mapping().orElse(null), f.source().code(), f.schedule(), f.settings(), f.secretSet(), f.enabled(),
                f.source() == FeedSource.DIRECTORY ? spool.watched(f.organisationId(), f.name()).toString() : null,
                f.lastRunAt().orElse(null), f.lastStatus().orElse(null), f.lastDetail(),
                new Health(h.status(), h.lastImportAt().orElse(null), h.files(), h.accepted(), h.duplicates(),
                        h.rejected(), h.alarms(), h.lastDetail()));
    }
}
