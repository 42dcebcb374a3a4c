package jp.renkei.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The memory target of issue 4 (under 64 bytes per session), at one million sessions of 100,000 subscribers. */
class AttributionIndexMemoryTest {

    @Test
    void aMillionSessionsTakeUnderSixtyFourBytesEach() {
        SplittableRandom random = new SplittableRandom(9);
        String[] subscribers = new String[100_000];
        for (int i = 0; i < subscribers.length; i++) {
            subscribers[i] = String.format("S%07d", i);
        }
        AttributionIndex.Builder builder = AttributionIndex.builder(AttributionPolicy.STRICT);
        int addresses = 50_000;
        long[] next = new long[addresses];
        long base = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 1_000_000; i++) {
            int a = random.nextInt(addresses);
            long from = base + next[a];
            long length = 600 + random.nextInt(80_000);
            next[a] += length + random.nextInt(600);
            builder.addIpv4(0x0A00_0000 + a, from, from + length, subscribers[random.nextInt(subscribers.length)], "radius");
        }
        AttributionIndex index = builder.build();
        assertThat(index.size()).isEqualTo(1_000_000);
        assertThat(index.estimatedBytes() / index.size()).isLessThan(64);
        Attribution a = index.attribute("10.0.0.1", Instant.ofEpochSecond(base + 3_600));
        assertThat(a).isInstanceOf(Attribution.Attributed.class);
    }
}
