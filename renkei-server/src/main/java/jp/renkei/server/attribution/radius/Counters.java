package jp.renkei.server.attribution.radius;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of one organisation's packets. */
final class Counters {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong badAuthenticator = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong unusable = new AtomicLong();
    final AtomicLong overflow = new AtomicLong();
}
