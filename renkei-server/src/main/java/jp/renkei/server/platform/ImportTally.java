package jp.renkei.server.platform;

import java.util.ArrayList;
import java.util.List;

import jp.renkei.core.imports.Rejection;

/** Counts an import as it streams; rejections beyond {@link #MAX_LISTED} are counted, not listed. */
public final class ImportTally {

    /** Rejections listed in a result; a broken 10-million-row file must not become a 10-million-row answer. */
    public static final int MAX_LISTED = 1_000;

    private long accepted;
    private long duplicates;
    private long rejectedCount;
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<ImportAlarm> alarms = new ArrayList<>();

    public void accepted(long n) {
        accepted += n;
    }

    public void duplicates(long n) {
        duplicates += n;
    }

    public void rejected(long line, String reason) {
        rejectedCount++;
        if (rejected.size() < MAX_LISTED) {
            rejected.add(new Rejection(line, reason));
        }
    }

    /** Raises an alarm once per distinct kind and detail. */
    public void alarm(String kind, String detail) {
        ImportAlarm alarm = new ImportAlarm(kind, detail);
        if (!alarms.contains(alarm)) {
            alarms.add(alarm);
        }
    }

    public long rejectedCount() {
        return rejectedCount;
    }

    public ImportResult result() {
        return new ImportResult(accepted, duplicates, rejected, alarms);
    }
}
