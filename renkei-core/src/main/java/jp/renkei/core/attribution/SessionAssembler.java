package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.Rejection;

/**
 * Folds accounting records into one fragment per session key. Memory grows with the number of
 * sessions, not records, which for one detail file (one NAS, one day) is small.
 */
public final class SessionAssembler {

    private final Map<String, SessionFragment> sessions = new LinkedHashMap<>();
    private final List<AccountingRecord> nasRestarts = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    /** Adds one record: a session event is merged into its fragment, a NAS restart remembered. */
    public void add(AccountingRecord record) {
        if (record.status().isNasEvent()) {
            nasRestarts.add(record);
            return;
        }
        SessionFragment.of(record).ifPresent(f -> sessions.merge(f.sessionKey(), f, SessionFragment::merge));
    }

    /** Adds every record a reader yields, keeping its rejections for the import report. */
    public SessionAssembler addAll(Iterator<? extends Parsed<AccountingRecord>> records) {
        while (records.hasNext()) {
            Parsed<AccountingRecord> p = records.next();
            if (p instanceof Parsed.Row<AccountingRecord> row) {
                add(row.value());
            } else if (p instanceof Parsed.Rejected<AccountingRecord> rejected) {
                rejections.add(rejected.toRejection());
            }
        }
        return this;
    }

    /** One fragment per session key, in order of first appearance. */
    public List<SessionFragment> fragments() {
        return List.copyOf(sessions.values());
    }

    /** Accounting-On/Off records, in file order. */
    public List<AccountingRecord> nasRestarts() {
        return List.copyOf(nasRestarts);
    }

    /** Records that {@link #addAll} could not use. */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /**
     * The sessions as assignments. A NAS that restarts forgets its sessions without sending
     * Stops, so an open session is closed at the first restart of its NAS after it was last seen.
     */
    public List<Assignment> assignments(String source) {
        Map<String, long[]> restartsByNas = new HashMap<>();
        nasRestarts.stream().collect(Collectors.groupingBy(AccountingRecord::nas)).forEach((nas, list) ->
                restartsByNas.put(nas, list.stream().mapToLong(r -> AttributionIndex.micros(r.eventTime())).sorted().toArray()));
        List<Assignment> result = new ArrayList<>(sessions.size());
        for (SessionFragment f : sessions.values()) {
            Optional<Instant> stop = f.stop().or(() -> firstRestartAfter(restartsByNas.get(f.nas()), f.lastSeen()));
            result.addAll(f.toAssignments(source, stop));
        }
        return result;
    }

    private static Optional<Instant> firstRestartAfter(long[] restarts, Instant lastSeen) {
        if (restarts == null) {
            return Optional.empty();
        }
        long seen = AttributionIndex.micros(lastSeen);
        int i = Arrays.binarySearch(restarts, seen);
        i = i >= 0 ? i + 1 : -i - 1;
        while (i < restarts.length && restarts[i] <= seen) {
            i++;
        }
        return i < restarts.length
                ? Optional.of(Instant.ofEpochSecond(Math.floorDiv(restarts[i], 1_000_000L), Math.floorMod(restarts[i], 1_000_000L) * 1_000L))
                : Optional.empty();
    }
}
