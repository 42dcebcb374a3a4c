package jp.renkei.server.portal.internal;

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
 * Limits wrong access codes per client address in a sliding window, so codes cannot be guessed
 * by trying many (a code has about 50 bits, but nothing should be free to try). In memory and per
 * process: it slows guessing down, it is not an accounting. The client address is
 * {@link ClientAddress}'s: behind a reverse proxy, list it in {@code renkei.web.trusted-proxies}.
 * An IPv6 client is counted by its /64 ({@link ClientAddress#limitKey}), which it can roam freely.
 */
@Component
public class WrongCodeLimit {

    private static final int MAX_CLIENTS = 10_000;

    private final int allowed;
    private final Duration window;
    private final Clock clock;
    // Least recently used first, so the oldest clients are forgotten when the map is full.
    private final Map<String, Deque<Instant>> wrong = new LinkedHashMap<>(64, 0.75f, true);

    WrongCodeLimit(@Value("${renkei.portal.wrong-codes.allowed:10}") int allowed,
            @Value("${renkei.portal.wrong-codes.window:PT10M}") Duration window, Clock clock) {
        this.allowed = allowed;
        this.window = window;
        this.clock = clock;
    }

    /** Whether the client has used up its wrong codes for now; it is then not even asked for one. */
    public synchronized boolean exhausted(String clientAddress) {
        Deque<Instant> times = wrong.get(ClientAddress.limitKey(clientAddress));
        if (times == null) {
            return false;
        }
        forgetOld(times, clock.instant());
        return times.size() >= allowed;
    }

    /** Counts one wrong code of the client. */
    public synchronized void recordWrong(String clientAddress) {
        Instant now = clock.instant();
        Deque<Instant> times = wrong.computeIfAbsent(ClientAddress.limitKey(clientAddress),
                k -> new ArrayDeque<>());
        forgetOld(times, now);
        times.addLast(now);
        if (wrong.size() > MAX_CLIENTS) {
            Iterator<String> oldest = wrong.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** How long the window is, for the "try again in … minutes" text. */
    public Duration window() {
        return window;
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.pollFirst();
        }
    }
}
