package jp.renkei.core.portal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import jp.renkei.core.Sha256;

/**
 * The short code a subscriber types on the ISP's own portal to open a notice, so a notice never
 * needs a link. The alphabet leaves out look-alikes (0/O, 1/I/L) to survive reading it aloud or
 * copying it from paper.
 */
public final class AccessCode {

    /** Characters a code may contain. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** Number of characters in a code (about 49 bits of entropy). */
    public static final int LENGTH = 10;

    // Dashes Japanese input methods produce that NFKC leaves alone.
    private static final String DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70";

    private final String value;

    private AccessCode(String value) {
        this.value = value;
    }

    /** A new random code. */
    public static AccessCode generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new AccessCode(sb.toString());
    }

    /**
     * Reads what a subscriber typed: full-width characters, lower case, spaces and hyphens are
     * accepted; anything else outside the alphabet, or the wrong length, is not a code.
     */
    public static Optional<AccessCode> parse(String userInput) {
        if (userInput == null) {
            return Optional.empty();
        }
        String normalised = Normalizer.normalize(userInput, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || DASHES.indexOf(c) >= 0) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || sb.length() == LENGTH) {
                return Optional.empty();
            }
            sb.append(c);
        }
        return sb.length() == LENGTH ? Optional.of(new AccessCode(sb.toString())) : Optional.empty();
    }

    /** The code as printed in a notice: {@code XXXX-XXXX-XX}. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    /** The 10 canonical characters; handle as a secret. */
    public String canonical() {
        return value;
    }

    /** Hex SHA-256 of the canonical characters; the server stores only this. */
    public String hash() {
        return Sha256.hex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessCode other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so a code never ends up in a log by accident. */
    @Override
    public String toString() {
        return "AccessCode[masked]";
    }
}
