package jp.renkei.server.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets Renkei must use in clear (so cannot hash) before they are stored, so a
 * database dump or read access does not give away a NAS's shared secret or a mailbox password.
 * AES-256-GCM with a fresh random 96-bit nonce per value; the column's {@link SealedColumn#purpose()}
 * is the associated data, so a value moved to another column does not open. Stored form:
 * {@code sealed:v1:<base64(nonce ‖ ciphertext ‖ tag)>}.
 *
 * <p>The key is {@code renkei.secrets.key} ({@code RENKEI_SECRETS_KEY}, base64 of 32 bytes) or,
 * when that is unset, {@code <data dir>/secrets.key}, created on first start (see {@link SecretsKey}).
 * A value stored before sealing existed (no prefix) is read as it is; the startup sweep seals it.
 */
@Component
public class SecretBox {

    /** What every sealed value starts with. */
    public static final String PREFIX = "sealed:v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed value that does not open: another key, another column, or altered. Names the column, never the value. */
    public static final class UnreadableSecretException extends RuntimeException {
        public UnreadableSecretException(String message) {
            super(message);
        }
    }

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretBox(@Value("${renkei.secrets.key:}") String keySetting, @Value("${renkei.data-dir:renkei-data}") Path dataDir) {
        this(SecretsKey.resolve(keySetting, dataDir));
    }

    /** A box with this 32-byte key (tests, and the key resolved above). */
    public SecretBox(byte[] key) {
        if (key.length != SecretsKey.BYTES) {
            throw new IllegalArgumentException("a secrets key is " + SecretsKey.BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Whether a stored value is sealed (anything else is plain text from before sealing, or empty). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The stored form of {@code value} for this column; an empty value stays empty (nothing to hide). */
    public String seal(SealedColumn column, String value) {
        if (value.isEmpty()) {
            return value;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, column, nonce);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to seal " + column.purpose(), e);
        }
    }

    /**
     * The value in clear. Plain text stored before sealing is returned as it is.
     *
     * @throws UnreadableSecretException when a sealed value does not open with this key for this column
     */
    public String open(SealedColumn column, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw unreadable(column, "it is not valid base64 (altered)");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw unreadable(column, "it is too short (altered)");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, column, java.util.Arrays.copyOf(sealed, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw unreadable(column, "it was sealed with another key (RENKEI_SECRETS_KEY or " + SecretsKey.FILE_NAME
                    + "), for another column, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to open " + column.purpose(), e);
        }
    }

    private Cipher cipher(int mode, SealedColumn column, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(column.purpose().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static UnreadableSecretException unreadable(SealedColumn column, String why) {
        return new UnreadableSecretException("the secret in " + column.purpose() + " cannot be opened: " + why
                + "; enter it again, or start Renkei with the key it was sealed with");
    }
}
