package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets Renkei must use in clear are stored sealed: only this install's key opens them, only
 * for the column they were sealed for, and an altered value is refused rather than misread.
 */
class SecretBoxTest {

    private static final SealedColumn NAS = new SealedColumn("nas_client", "secret");
    private static final SealedColumn FEED = new SealedColumn("feed", "secret");

    private final SecretBox box = new SecretBox(randomKey());

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aSealedValueOpensToWhatWasSealedAndShowsNothingOfIt() {
        String sealed = box.seal(NAS, "nas-secret-1 ✓");

        assertThat(sealed).startsWith("sealed:v1:").doesNotContain("nas-secret");
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        assertThat(box.open(NAS, sealed)).isEqualTo("nas-secret-1 ✓");
    }

    @Test
    void theSameValueSealedTwiceLooksDifferentEachTime() {
        String first = box.seal(NAS, "same");
        String second = box.seal(NAS, "same");

        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.substring(SecretBox.PREFIX.length()));
        byte[] b = Base64.getDecoder().decode(second.substring(SecretBox.PREFIX.length()));
        assertThat(java.util.Arrays.copyOf(a, 12)).as("nonce").isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(box.open(NAS, first)).isEqualTo(box.open(NAS, second)).isEqualTo("same");
    }

    @Test
    void anAlteredValueIsRefusedNamingTheColumnNeverTheValue() {
        String sealed = box.seal(NAS, "nas-secret-1");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(SecretBox.PREFIX.length()));
        raw[raw.length - 20] ^= 1;
        String altered = SecretBox.PREFIX + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> box.open(NAS, altered)).isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageContaining("nas_client.secret").hasMessageNotContaining("nas-secret-1");
        assertThatThrownBy(() -> box.open(NAS, SecretBox.PREFIX + "not base64!"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class).hasMessageContaining("nas_client.secret");
        assertThatThrownBy(() -> box.open(NAS, SecretBox.PREFIX + "AAAA"))
                .isInstanceOf(SecretBox.UnreadableSecretException.class).hasMessageContaining("nas_client.secret");
    }

    @Test
    void aValueCopiedIntoAnotherColumnDoesNotOpenThere() {
        String sealedForNas = box.seal(NAS, "nas-secret-1");

        assertThatThrownBy(() -> box.open(FEED, sealedForNas)).isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageContaining("feed.secret").hasMessageNotContaining("nas-secret-1");
    }

    @Test
    void aValueSealedWithAnotherKeyIsRefusedSayingSo() {
        String sealedElsewhere = new SecretBox(randomKey()).seal(NAS, "nas-secret-1");

        assertThatThrownBy(() -> box.open(NAS, sealedElsewhere)).isInstanceOf(SecretBox.UnreadableSecretException.class)
                .hasMessageContaining("nas_client.secret").hasMessageContaining("another key")
                .hasMessageNotContaining("nas-secret-1");
    }

    @Test
    void plainTextStoredBeforeSealingIsReadAsItIsAndEmptyStaysEmpty() {
        assertThat(box.open(NAS, "legacy-plain")).isEqualTo("legacy-plain");
        assertThat(SecretBox.isSealed("legacy-plain")).isFalse();
        assertThat(box.seal(NAS, "")).isEmpty();
    }

    @Test
    void aKeySettingThatIsNotBase64Of32BytesStopsStartupNamingTheSetting(@TempDir Path dataDir) {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretsKey.resolve("not*base64", dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RENKEI_SECRETS_KEY").hasMessageContaining("not valid base64")
                .hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> SecretsKey.resolve(tooShort, dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RENKEI_SECRETS_KEY").hasMessageContaining("16 bytes")
                .hasMessageNotContaining(tooShort);
        assertThat(dataDir.resolve("secrets.key")).as("a given setting never writes a key file").doesNotExist();
    }

    @Test
    void theKeySettingIsTheKey(@TempDir Path dataDir) {
        byte[] key = randomKey();
        String sealed = new SecretBox(key).seal(NAS, "nas-secret-1");

        SecretBox configured = new SecretBox(SecretsKey.resolve(Base64.getEncoder().encodeToString(key), dataDir));

        assertThat(configured.open(NAS, sealed)).isEqualTo("nas-secret-1");
    }

    @Test
    void withoutASettingAKeyFileReadableByItsOwnerOnlyIsCreatedOnceAndReused(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("renkei-data");

        SecretBox first = new SecretBox(SecretsKey.resolve("", dataDir));
        Path file = dataDir.resolve("secrets.key");

        assertThat(file).exists();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        try (var left = Files.list(dataDir)) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
        String contents = Files.readString(file);
        String sealed = first.seal(NAS, "nas-secret-1");

        SecretBox afterRestart = new SecretBox(SecretsKey.resolve(null, dataDir));

        assertThat(afterRestart.open(NAS, sealed)).isEqualTo("nas-secret-1");
        assertThat(Files.readString(file)).isEqualTo(contents);
    }

    @Test
    void aDamagedKeyFileStopsStartupNamingTheFile(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("secrets.key"), "c2hvcnQ=\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> SecretsKey.resolve("", dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.resolve("secrets.key").toString()).hasMessageContaining("5 bytes");
    }
}
