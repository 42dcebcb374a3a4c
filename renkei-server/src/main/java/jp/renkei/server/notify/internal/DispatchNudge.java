package jp.renkei.server.notify.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a dispatcher once, soon, off the caller's thread, after something was committed to its
 * outbox. Nudges that arrive while one is waiting fold into it; the timer covers anything missed.
 */
final class DispatchNudge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DispatchNudge.class);

    private final Runnable dispatch;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final ExecutorService thread;

    DispatchNudge(String threadName, Runnable dispatch) {
        this.dispatch = dispatch;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void nudge() {
        if (waiting.compareAndSet(false, true)) {
            thread.execute(() -> {
                waiting.set(false);
                try {
                    dispatch.run();
                } catch (RuntimeException e) {
                    log.warn("Outbox run failed; the timer will retry", e);
                }
            });
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
