package jp.renkei.core.subscribers;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import jp.renkei.core.Language;
import jp.renkei.core.imports.CsvTable;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;

/**
 * Reads a subscriber CSV with columns {@code subscriber_id,name,email,phone,language} in any
 * order, and optionally {@code line_user_id} and {@code postal_address} (more ways to reach the
 * subscriber: LINE and letters); extra columns are ignored.
 */
public final class SubscriberCsvReader extends LookaheadReader<SubscriberRecord> {

    // Deliberately loose: the mail server is the real judge, this only catches obvious typos.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    // LINE's user ids for a provider: "U" and 32 hexadecimal digits.
    private static final Pattern LINE_USER_ID = Pattern.compile("U[0-9a-f]{32}");

    private final CsvTable table;
    private final int id;
    private final int name;
    private final int email;
    private final int phone;
    private final int language;
    private final int lineUserId;
    private final int postalAddress;

    /** Reads the header immediately; a missing column raises {@link jp.renkei.core.imports.ImportFormatException}. */
    public SubscriberCsvReader(InputStream in, String fileName) {
        this.table = CsvTable.open(in, fileName);
        try {
            this.id = table.requireColumn("subscriber_id");
            this.name = table.requireColumn("name");
            this.email = table.requireColumn("email");
            this.phone = table.requireColumn("phone");
            this.language = table.requireColumn("language");
            this.lineUserId = table.column("line_user_id");
            this.postalAddress = table.column("postal_address");
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    @Override
    protected Parsed<SubscriberRecord> fetch() {
        return table.next(this::toSubscriber);
    }

    private Parsed<SubscriberRecord> toSubscriber(long line, CsvRecord r) {
        String subscriberId = r.getField(id).strip();
        if (subscriberId.isEmpty()) {
            return new Parsed.Rejected<>(line, "subscriber_id is empty");
        }
        String mail = r.getField(email).strip();
        if (mail.isEmpty()) {
            return new Parsed.Rejected<>(line, "email is empty for subscriber " + subscriberId);
        }
        if (!EMAIL.matcher(mail).matches()) {
            return new Parsed.Rejected<>(line, "email '" + mail + "' is not a valid address");
        }
        String lang = r.getField(language).strip().toLowerCase(Locale.ROOT);
        Language parsedLanguage;
        try {
            parsedLanguage = lang.isEmpty() ? Language.JA : Language.fromCode(lang);
        } catch (IllegalArgumentException e) {
            return new Parsed.Rejected<>(line, "language '" + lang + "' is not ja or en");
        }
        String lineId = optional(r, lineUserId);
        if (!lineId.isEmpty() && !LINE_USER_ID.matcher(lineId).matches()) {
            return new Parsed.Rejected<>(line, "line_user_id '" + lineId + "' is not a LINE user id (U and 32 hex digits)");
        }
        return new Parsed.Row<>(line, new SubscriberRecord(subscriberId, r.getField(name).strip(), mail,
                r.getField(phone).strip(), parsedLanguage, lineId, optional(r, postalAddress)));
    }

    // A postal address may span lines in the cell; it is printed as written.
    private static String optional(CsvRecord r, int column) {
        return column < 0 || column >= r.getFieldCount() ? "" : r.getField(column).strip();
    }

    @Override
    public void close() {
        table.close();
    }
}
