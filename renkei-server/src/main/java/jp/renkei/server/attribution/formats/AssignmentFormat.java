package jp.renkei.server.attribution.formats;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.SessionFragment;
import jp.renkei.core.attribution.SubscriberKey;
import jp.renkei.core.imports.Rejection;

/**
 * One file format of assignment logs: a name for {@code ?format=}, the attribute that names the
 * subscriber unless the source's settings say otherwise, and how to read a file with the core
 * reader. Adding a format is one small class.
 */
public interface AssignmentFormat {

    /** What one file gave: accounting sessions and NAS restarts, or finished assignments; and rejected records. */
    record Read(List<SessionFragment> sessions, List<AccountingRecord> restarts, List<Assignment> assignments,
                List<Rejection> rejections) {

        /** Finished assignments (leases, port blocks). */
        public static Read assignments(List<Assignment> assignments, List<Rejection> rejections) {
            return new Read(List.of(), List.of(), assignments, rejections);
        }
    }

    /** The {@code format} parameter value, e.g. {@code kea-lease4}. */
    String name();

    /** The subscriber attribute when the source has no setting. */
    SubscriberKey defaultKey();

    /**
     * Reads the whole file.
     *
     * @throws jp.renkei.core.imports.ImportFormatException when the file as a whole is unreadable
     */
    Read read(InputStream in, String fileName, SubscriberKey key);

    /** Parses a subscriber attribute setting ({@code user-name}, {@code circuit-id}, …). */
    static Optional<SubscriberKey> key(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SubscriberKey k : SubscriberKey.values()) {
            if (k.name().equals(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
