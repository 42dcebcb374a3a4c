package jp.renkei.server.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@link SecretBox}'s key comes from: the setting when it is given, else the key file in the
 * data directory, made on first start readable by its owner only and kept for every start after.
 * A key that is not the base64 of 32 bytes stops startup, naming the setting or file, never the key.
 */
final class SecretsKey {

    static final int BYTES = 32;
    static final String FILE_NAME = "secrets.key";
    static final String SETTING = "RENKEI_SECRETS_KEY (renkei.secrets.key)";

    private static final Logger log = LoggerFactory.getLogger(SecretsKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretsKey() {
    }

    /** The key from the setting if it is set, else from (or into) {@code <dataDir>/secrets.key}. */
    static byte[] resolve(String setting, Path dataDir) {
        if (setting != null && !setting.isBlank()) {
            return decode(setting, SETTING);
        }
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfOthersMayRead(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file
                    + " (used while " + SETTING + " is unset)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64; it must be the base64 of "
                    + BYTES + " random bytes, e.g. from 'openssl rand -base64 32'");
        }
        if (key.length != BYTES) {
            throw new IllegalStateException(source + " decodes to " + key.length + " bytes; it must be the base64 of "
                    + BYTES + " random bytes, e.g. from 'openssl rand -base64 32'");
        }
        return key;
    }

    /** Writes a new key to a private temporary file, then moves it in place, so a crash leaves no half key. */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".new", ownerOnly);
        try {
            if (!posix) {
                ownerOnly(temporary.toFile());
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // A rename in the same directory; refused (not replaced) when the key file appeared meanwhile.
            Files.move(temporary, file);
            log.info("Created the secrets key {} (RENKEI_SECRETS_KEY is unset). Back it up apart from the database:"
                    + " without it, the NAS secrets, mailbox passwords and gateway tokens stored there cannot be"
                    + " opened.", file);
        } catch (FileAlreadyExistsException raced) {
            // Another start made it first: that one is the key.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(File file) {
        file.setReadable(false, false);
        file.setWritable(false, false);
        file.setReadable(true, true);
        file.setWritable(true, true);
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The secrets key file {} may be read by others than its owner; make it owner-only (chmod 600)",
                    file);
        }
    }
}
