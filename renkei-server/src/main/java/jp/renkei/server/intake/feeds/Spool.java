package jp.renkei.server.intake.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where received files wait until their import run is recorded. Each feed has a folder with
 * {@code processing/}, {@code done/} and {@code failed/}; a directory feed's folder is the
 * watched folder itself, other feeds' folders sit under the spool root.
 */
@Component
public class Spool {

    /** A file written (and forced to disk) in a processing folder, with its content hash. */
    public record Spooled(Path path, long size, String sha256) {}

    private final Path watchRoot;
    private final Path spoolRoot;

    Spool(@Value("${renkei.intake.watch-dir}") Path watchRoot, @Value("${renkei.intake.spool-dir}") Path spoolRoot) {
        this.watchRoot = watchRoot.toAbsolutePath();
        this.spoolRoot = spoolRoot.toAbsolutePath();
    }

    /** The folder watched for a directory feed: {@code <watch-dir>/<organisation id>/<feed name>}. */
    public Path watched(long organisationId, String feedName) {
        return watchRoot.resolve(Long.toString(organisationId)).resolve(FeedDefinition.checkedName(feedName));
    }

    /** The spool folder of a feed that is not a watched directory. */
    Path spooled(long organisationId, String feedName) {
        return spoolRoot.resolve(Long.toString(organisationId)).resolve(feedName.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Writes {@code content} durably into {@code <folder>/processing/} under a name not yet used there. */
    public Spooled write(Path folder, String fileName, InputStream content) {
        try {
            Path processing = Files.createDirectories(folder.resolve("processing"));
            Path part = Files.createTempFile(processing, ".incoming-", ".part");
            MessageDigest sha = sha256();
            long size;
            try (OutputStream out = Files.newOutputStream(part);
                    DigestInputStream in = new DigestInputStream(content, sha)) {
                size = in.transferTo(out);
            }
            force(part);
            Path target = unused(processing, safeName(fileName));
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return new Spooled(target, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** Moves a complete file that appeared in a watched folder into its {@code processing/} and hashes it. */
    public Spooled take(Path file) throws IOException {
        Path processing = Files.createDirectories(file.getParent().resolve("processing"));
        Path target = unused(processing, file.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        return hashed(target);
    }

    /** Hashes a file already in a processing folder. */
    public Spooled hashed(Path file) throws IOException {
        MessageDigest sha = sha256();
        long size;
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new Spooled(file, size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Moves a processed file from {@code processing/} to the sibling {@code done/} or {@code failed/}. */
    Path archive(Path file, boolean done) {
        try {
            if (!Files.exists(file)) {
                return file;
            }
            Path folder = Files.createDirectories(file.getParent().resolveSibling(done ? "done" : "failed"));
            Path target = unused(folder, file.getFileName().toString());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file + ": " + e.getMessage(), e);
        }
    }

    /** A file name safe in any folder: no path separators, no leading dot. */
    static String safeName(String fileName) {
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1f<>:\"|?*]", "_");
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        return base.isBlank() ? "report" : base;
    }

    private static Path unused(Path folder, String name) {
        Path target = folder.resolve(name);
        for (int i = 1; Files.exists(target); i++) {
            target = folder.resolve(i + "-" + name);
        }
        return target;
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
