package jp.renkei.server.platform;

import java.util.List;

import jp.renkei.core.imports.Rejection;

/**
 * What became of one imported file, as every import endpoint answers it:
 * {@code {"accepted": n, "duplicates": n, "rejected": [{"line": n, "reason": "…"}], "alarms": [{"kind": …, "detail": …}]}}.
 */
public record ImportResult(long accepted, long duplicates, List<Rejection> rejected, List<ImportAlarm> alarms) {

    public ImportResult {
        rejected = List.copyOf(rejected);
        alarms = List.copyOf(alarms);
    }
}
