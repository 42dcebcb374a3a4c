package jp.renkei.server.vendor.psirt.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.renkei.server.platform.ClientAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits public form submissions per vendor and client address in a sliding hour. In memory and
 * per process: it slows a flood down, it is not an accounting. The client address is
 * {@link ClientAddress}'s: behind a reverse proxy, list it in {@code renkei.web.trusted-proxies}.
 * An IPv6 client is counted by its /64 ({@link ClientAddress#limitKey}), which it can roam freely.
 */
@Component
class SubmissionRateLimit {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_CLIENTS = 10_000;

    private final int perHour;
    private final Clock clock;
    // Least recently used first, so the oldest clients are forgotten when the map is full.
    private final Map<String, Deque<Instant>> seen = new LinkedHashMap<>(64, 0.75f, true);

    SubmissionRateLimit(@Value("${renkei.psirt.reports-per-hour:10}") int perHour) {
        this.perHour = perHour;
        this.clock = Clock.systemUTC();
    }

    /** Counts one submission; false when the client has already used its allowance for this vendor. */
    synchronized boolean tryAcquire(String vendorSlug, String clientAddress) {
        Instant now = clock.instant();
        Deque<Instant> times = seen.computeIfAbsent(vendorSlug + " " + ClientAddress.limitKey(clientAddress),
                k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.pollFirst();
        }
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        if (seen.size() > MAX_CLIENTS) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
