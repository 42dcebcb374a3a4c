package jp.renkei.server.intake;

import java.time.Instant;
import java.util.Set;

/**
 * A report was taken in completely: published once after the whole import (every chunk committed
 * and the run recorded), outside any transaction. One report cycle of a feed for each report type
 * in it, which is how cases verify a reported fix ("not seen in the next N reports").
 *
 * @param feed             the feed the file came from ({@code upload}, {@code api} or a configured feed's name)
 * @param importRunId      the run in the import log
 * @param reportTypes      the report types of the newly stored rows
 * @param newObservations  how many rows were stored (0 for an empty report or a file taken in before)
 * @param earliestSeen     the earliest source time of the newly stored rows ({@code completedAt} when none)
 * @param latestSeen       the latest source time of the newly stored rows ({@code completedAt} when none)
 */
public record ReportImported(long organisationId, String feed, long importRunId, Set<String> reportTypes,
        long newObservations, Instant earliestSeen, Instant latestSeen, Instant completedAt) {

    public ReportImported {
        reportTypes = Set.copyOf(reportTypes);
    }
}
