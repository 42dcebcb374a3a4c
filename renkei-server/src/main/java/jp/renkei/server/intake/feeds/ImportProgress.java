package jp.renkei.server.intake.feeds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Bytes read so far by each running import, counted in the stream the parser reads. In memory only. */
@Component
public class ImportProgress {

    private final Map<Long, AtomicLong> running = new ConcurrentHashMap<>();

    /** Bytes of the delivery read so far, while it is being imported. */
    public OptionalLong bytesRead(long deliveryId) {
        AtomicLong n = running.get(deliveryId);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n.get());
    }

    InputStream counted(long deliveryId, InputStream in) {
        AtomicLong n = new AtomicLong();
        running.put(deliveryId, n);
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    n.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int r = super.read(buf, off, len);
                if (r > 0) {
                    n.addAndGet(r);
                }
                return r;
            }
        };
    }

    void done(long deliveryId) {
        running.remove(deliveryId);
    }
}
