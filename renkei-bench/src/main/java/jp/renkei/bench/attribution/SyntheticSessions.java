package jp.renkei.bench.attribution;

import java.util.SplittableRandom;

/**
 * Many RADIUS sessions as primitive columns: dynamic IPv4 addresses handed from subscriber to
 * subscriber back to back (with gaps), the way a busy pool looks over a month. Deterministic per seed.
 */
final class SyntheticSessions {

    static final long START = 1_761_955_200L; // 2025-11-01T00:00:00Z
    static final long DAYS = 30;

    final int[] address;
    final long[] from;
    final long[] to; // Long.MAX_VALUE: still open
    final int[] subscriber;
    final int size;
    final int addresses;

    private SyntheticSessions(int size, int addresses) {
        this.size = size;
        this.addresses = addresses;
        address = new int[size];
        from = new long[size];
        to = new long[size];
        subscriber = new int[size];
    }

    /** {@code sessions} sessions over {@code sessions / 20} addresses in 100.64.0.0/10 and beyond. */
    static SyntheticSessions generate(int sessions, long seed) {
        int addresses = Math.max(1, sessions / 20);
        SyntheticSessions s = new SyntheticSessions(sessions, addresses);
        SplittableRandom random = new SplittableRandom(seed);
        int subscribers = Math.max(1, sessions / 15);
        int i = 0;
        long end = START + DAYS * 86_400;
        for (int a = 0; a < addresses && i < sessions; a++) {
            int ip = 0x64400000 + a; // 100.64.0.0 onwards
            long t = START + random.nextInt(3_600);
            int perAddress = a == addresses - 1 ? sessions - i : Math.min(20, sessions - i);
            for (int k = 0; k < perAddress; k++, i++) {
                long length = 3_600 + random.nextInt(3 * 86_400 / 2);
                s.address[i] = ip;
                s.from[i] = t;
                boolean last = k == perAddress - 1;
                s.to[i] = last && random.nextInt(4) == 0 ? Long.MAX_VALUE : Math.min(t + length, end);
                s.subscriber[i] = random.nextInt(subscribers);
                t = s.to[i] == Long.MAX_VALUE ? end : s.to[i] + random.nextInt(600); // a gap, sometimes none
            }
        }
        return s;
    }

    static String subscriberId(int n) {
        return "S" + n;
    }

    static String ipText(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }
}
