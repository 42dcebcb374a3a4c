package jp.renkei.server.subscribers;

import java.io.InputStream;
import java.time.Instant;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.subscribers.SubscriberCsvReader;
import jp.renkei.core.subscribers.SubscriberRecord;
import jp.renkei.server.platform.ContentDigest;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.ImportTally;
import org.springframework.stereotype.Service;

/**
 * Imports a subscriber CSV ({@code subscriber_id,name,email,phone,language},
 * optionally {@code line_user_id,postal_address}) into the
 * {@link SubscriberDirectory}: the one use case behind both the REST endpoint and the imports page.
 */
@Service
public class SubscriberImport {

    /** Kind under which runs appear in the import log. */
    public static final String KIND = "subscribers";

    private final SubscriberDirectory directory;
    private final ImportLog importLog;

    SubscriberImport(SubscriberDirectory directory, ImportLog importLog) {
        this.directory = directory;
        this.importLog = importLog;
    }

    /**
     * Upserts every good row (each in its own short transaction, so a large file never holds
     * one long lock), rejects bad rows with their line, and records the run in the import log.
     * Rows identical to what is stored count as duplicates.
     *
     * @throws ImportFormatException when the file as a whole is unusable (not CSV, missing column)
     */
    public ImportResult importCsv(long organisationId, String actor, String fileName, InputStream content) {
        Instant started = Instant.now();
        ContentDigest digest = new ContentDigest(content);
        ImportTally tally = new ImportTally();
        try (SubscriberCsvReader reader = new SubscriberCsvReader(digest, fileName)) {
            while (reader.hasNext()) {
                Parsed<SubscriberRecord> parsed = reader.next();
                if (parsed instanceof Parsed.Row<SubscriberRecord> row) {
                    SubscriberRecord r = row.value();
                    Subscriber subscriber = new Subscriber(r.subscriberId(), r.name(), r.email(), r.phone(),
                            r.language(), r.lineUserId(), r.postalAddress());
                    switch (directory.upsert(organisationId, subscriber)) {
                        case CHANGED -> tally.accepted(1);
                        case UNCHANGED -> tally.duplicates(1);
                    }
                } else if (parsed instanceof Parsed.Rejected<SubscriberRecord> rejected) {
                    tally.rejected(rejected.line(), rejected.reason());
                }
            }
        }
        importLog.record(organisationId, actor, KIND, "csv", fileName, digest.sha256Hex(), started, tally);
        return tally.result();
    }
}
