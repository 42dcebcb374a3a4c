package jp.renkei.core.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import jp.renkei.core.attribution.AcctStatus;

/** Writes the simulation's accounting records as one FreeRADIUS detail file, in time order. */
final class RadiusDetailWriter implements IspSimulation.Listener {

    static final Duration INTERIM_INTERVAL = Duration.ofHours(12);

    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM ppd yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Writer out;
    private final SplittableRandom random;
    private final StringBuilder sb = new StringBuilder(512);

    RadiusDetailWriter(long seed, Writer out) {
        this.out = out;
        this.random = new SplittableRandom(seed ^ 0x5EED_D37A_11L);
    }

    @Override
    public void started(PlannedSession s) {
        write(s.start(), AcctStatus.START, s);
    }

    @Override
    public void interim(PlannedSession s, Instant at) {
        write(at, AcctStatus.INTERIM_UPDATE, s);
    }

    @Override
    public void stopped(PlannedSession s) {
        write(s.stop().orElseThrow(), AcctStatus.STOP, s);
    }

    @Override
    public void nasRestarted(String nas, Instant at) {
        sb.setLength(0);
        int delay = random.nextInt(3);
        Instant received = at.plusSeconds(delay);
        sb.append(CTIME.format(received)).append('\n');
        attr(sb, "Acct-Status-Type", AcctStatus.ACCOUNTING_ON.dictionaryName());
        attr(sb, "NAS-IP-Address", nas);
        attr(sb, "Acct-Session-Id", quoted("00000000"));
        attr(sb, "Event-Timestamp", Long.toString(at.getEpochSecond()));
        attr(sb, "Acct-Delay-Time", Integer.toString(delay));
        attr(sb, "Timestamp", Long.toString(received.getEpochSecond()));
        sb.append('\n');
        emit();
    }

    private void write(Instant time, AcctStatus status, PlannedSession s) {
        sb.setLength(0);
        record(sb, new Event(time, status, s), random);
        emit();
    }

    private void emit() {
        try {
            out.write(sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Event(Instant time, AcctStatus status, PlannedSession session) {
    }

    private static void record(StringBuilder sb, Event e, SplittableRandom random) {
        PlannedSession s = e.session();
        int delay = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 0;
        Instant received = e.time().plusSeconds(delay);
        long sessionTime = Duration.between(s.start(), e.time()).getSeconds();
        sb.append(CTIME.format(received)).append('\n');
        attr(sb, "Acct-Status-Type", e.status().dictionaryName());
        attr(sb, "Acct-Session-Id", quoted(hex(s.number() & 0xFFFF_FFFFL, 8).toUpperCase(Locale.ROOT)));
        attr(sb, "User-Name", quoted(s.subscriberId()));
        attr(sb, "NAS-IP-Address", s.nas());
        attr(sb, "NAS-Port-Type", "Ethernet");
        attr(sb, "Service-Type", "Framed-User");
        attr(sb, "Framed-Protocol", "PPP");
        attr(sb, "Framed-IP-Address", s.ip());
        if (!s.ipv6Prefix().isEmpty()) {
            attr(sb, "Delegated-IPv6-Prefix", s.ipv6Prefix());
        }
        attr(sb, "Calling-Station-Id", quoted(mac(s.subscriberId())));
        if (e.status() != AcctStatus.START) {
            attr(sb, "Acct-Session-Time", Long.toString(sessionTime));
            attr(sb, "Acct-Input-Octets", Long.toString(sessionTime * 1_733));
            attr(sb, "Acct-Output-Octets", Long.toString(sessionTime * 21_011));
        }
        if (e.status() == AcctStatus.STOP) {
            attr(sb, "Acct-Terminate-Cause", "User-Request");
        }
        int style = random.nextInt(20);
        if (style < 10) {
            attr(sb, "Event-Timestamp", Long.toString(e.time().getEpochSecond()));
        } else if (style < 17) {
            attr(sb, "Event-Timestamp", quoted(EVENT_TIMESTAMP.format(e.time())));
        } // else: no Event-Timestamp, the reader must fall back to Timestamp minus Acct-Delay-Time
        attr(sb, "Acct-Delay-Time", Integer.toString(delay));
        if (s.nas().equals("192.0.2.2")) {
            attr(sb, "Acct-Unique-Session-Id", quoted(hex(s.number() * 0x9E3779B97F4A7C15L, 16)));
        }
        attr(sb, "Timestamp", Long.toString(received.getEpochSecond()));
        sb.append('\n');
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append('\t').append(name).append(" = ").append(value).append('\n');
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }

    /** A stable locally administered MAC per subscriber (the CPE's WAN interface). */
    private static String mac(String subscriberId) {
        int h = subscriberId.hashCode();
        String x = hex(h & 0xFFFF_FFFFL, 8);
        return "02-00-" + x.substring(0, 2) + "-" + x.substring(2, 4) + "-" + x.substring(4, 6) + "-" + x.substring(6);
    }

    /** Lower-case hex of the value's low {@code digits} nibbles, zero-padded (String.format is slow at this volume). */
    private static String hex(long value, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = Character.forDigit((int) (value & 0xf), 16);
            value >>>= 4;
        }
        return new String(c);
    }
}
