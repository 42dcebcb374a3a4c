package jp.renkei.core.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import jp.renkei.core.attribution.AcctStatus;

/** Writes planned sessions as one FreeRADIUS detail file, records in time order. */
final class RadiusDetailWriter {

    static final Duration INTERIM_INTERVAL = Duration.ofHours(12);

    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT_TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM ppd yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Event(Instant time, AcctStatus status, PlannedSession session) {
    }

    private RadiusDetailWriter() {
    }

    static void write(List<PlannedSession> sessions, Instant end, long seed, Writer out) throws IOException {
        List<Event> events = new ArrayList<>(sessions.size() * 3);
        for (PlannedSession s : sessions) {
            events.add(new Event(s.start(), AcctStatus.START, s));
            Instant until = s.endOr(end);
            for (Instant t = s.start().plus(INTERIM_INTERVAL); t.isBefore(until); t = t.plus(INTERIM_INTERVAL)) {
                events.add(new Event(t, AcctStatus.INTERIM_UPDATE, s));
            }
            s.stop().ifPresent(stop -> events.add(new Event(stop, AcctStatus.STOP, s)));
        }
        // A stop and a start at the same second: the NAS reports the stop first.
        events.sort(Comparator.comparing(Event::time)
                .thenComparing(e -> e.status() != AcctStatus.STOP)
                .thenComparingInt(e -> e.session().number()));
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_D37A_11L);
        StringBuilder sb = new StringBuilder(512);
        for (Event e : events) {
            sb.setLength(0);
            record(sb, e, random);
            out.write(sb.toString());
        }
        out.flush();
    }

    private static void record(StringBuilder sb, Event e, SplittableRandom random) {
        PlannedSession s = e.session();
        int delay = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 0;
        Instant received = e.time().plusSeconds(delay);
        long sessionTime = Duration.between(s.start(), e.time()).getSeconds();
        sb.append(CTIME.format(received)).append('\n');
        attr(sb, "Acct-Status-Type", e.status().dictionaryName());
        attr(sb, "Acct-Session-Id", quoted(String.format("%08X", s.number())));
        attr(sb, "User-Name", quoted(s.subscriberId()));
        attr(sb, "NAS-IP-Address", s.nas());
        attr(sb, "NAS-Port-Type", "Ethernet");
        attr(sb, "Service-Type", "Framed-User");
        attr(sb, "Framed-Protocol", "PPP");
        attr(sb, "Framed-IP-Address", s.ip());
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
        if (s.nas().equals(SessionPlanner.NAS[1])) {
            attr(sb, "Acct-Unique-Session-Id", quoted(String.format("%016x", s.number() * 0x9E3779B97F4A7C15L)));
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
        return String.format("02-00-%02x-%02x-%02x-%02x", (h >>> 24) & 0xff, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff);
    }
}
