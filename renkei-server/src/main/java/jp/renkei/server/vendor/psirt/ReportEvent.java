package jp.renkei.server.vendor.psirt;

import java.time.Instant;

/** One entry of a report's timeline: {@code received}, {@code acknowledged}, {@code triaged}, {@code fixed}, {@code closed}, … */
public record ReportEvent(Instant at, String kind, String actor, String detail) {}
