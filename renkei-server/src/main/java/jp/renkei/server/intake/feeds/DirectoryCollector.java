package jp.renkei.server.intake.feeds;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Watches {@code <watch-dir>/<organisation id>/<feed name>/}. A file is taken once complete: its
 * size and modification time unchanged for the settle time (or, by convention, once a writer
 * renamed it from {@code *.part}); names starting with a dot or ending in {@code .part}/{@code .tmp}
 * are ignored. Taken files move to {@code processing/}, then {@code done/} or {@code failed/}.
 */
@Component
class DirectoryCollector implements Collector {

    /** What a file looked like when first seen with its current size and time. */
    private record Sighting(long size, Instant modified, Instant since) {}

    private final Spool spool;
    private final Deliveries deliveries;
    private final Duration settle;
    private final Clock clock = Clock.systemUTC();
    private final Map<Path, Sighting> growing = new ConcurrentHashMap<>();

    DirectoryCollector(Spool spool, Deliveries deliveries, @Value("${renkei.intake.file-settle}") Duration settle) {
        this.spool = spool;
        this.deliveries = deliveries;
        this.settle = settle;
    }

    @Override
    public FeedSource source() {
        return FeedSource.DIRECTORY;
    }

    @Override
    public String collect(Feed feed) throws IOException {
        Path folder = Files.createDirectories(spool.watched(feed.organisationId(), feed.name()));
        int taken = 0;
        // Files moved to processing/ by a process killed before it registered them.
        Path processing = folder.resolve("processing");
        if (Files.isDirectory(processing)) {
            Set<String> open = deliveries.openSpoolPaths();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(processing, Files::isRegularFile)) {
                for (Path file : files) {
                    if (!ignored(file) && !open.contains(file.toString())) {
                        register(feed, file, spool.hashed(file));
                        taken++;
                    }
                }
            }
        }
        // Files that vanished (taken, or removed by someone) are forgotten.
        growing.keySet().removeIf(p -> p.startsWith(folder) && !Files.exists(p));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            for (Path file : files) {
                if (ignored(file) || !complete(file)) {
                    continue;
                }
                String name = file.getFileName().toString();
                Spool.Spooled spooled = spool.take(file);
                growing.remove(file);
                register(feed, spooled.path(), spooled, name);
                taken++;
            }
        }
        return taken == 0 ? "" : taken + " file(s) taken from " + folder;
    }

    private void register(Feed feed, Path file, Spool.Spooled spooled) {
        String name = file.getFileName().toString();
        register(feed, file, spooled, name.replaceFirst("^\\d+-(?=\\d{4}-\\d{2}-\\d{2}-)", ""));
    }

    private void register(Feed feed, Path file, Spool.Spooled spooled, String originalName) {
        deliveries.register(new Deliveries.Receipt(feed.organisationId(), feed.name(), feed.format(),
                feed.reportType(), feed.mapping(), "collector:" + feed.name(), "directory " + file.getParent(),
                originalName, spooled));
    }

    private boolean complete(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Instant now = clock.instant();
        Sighting seen = growing.get(file);
        if (seen == null || seen.size() != a.size() || !seen.modified().equals(a.lastModifiedTime().toInstant())) {
            growing.put(file, new Sighting(a.size(), a.lastModifiedTime().toInstant(), now));
            return settle.isZero();
        }
        return !now.isBefore(seen.since().plus(settle));
    }

    private static boolean ignored(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp");
    }
}
