package jp.renkei.server.cases;

import java.time.Instant;

/** One entry of a case's timeline, e.g. {@code opened}, {@code observation}, {@code notice-sent}. */
public record CaseEvent(Instant at, String kind, String detail) {}
