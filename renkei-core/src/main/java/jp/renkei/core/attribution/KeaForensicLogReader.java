package jp.renkei.core.attribution;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;

/**
 * Reads a Kea forensic log ({@code legal_log} hook, DHCPv4 and DHCPv6): one lease event per line,
 * {@code 2018-01-06 01:02:03 CET Address: 192.2.1.100 has been assigned for 1 hrs 52 min 15 secs
 * to a device with hardware address: hwtype=1 08:00:2b:02:3f:4e, client-id: … connected via relay
 * at address: …, identified by circuit-id: … and remote-id: …}. The option-82 circuit-id and
 * remote-id become the assignment's line identity. Fold the events with {@link LeaseHistory}.
 */
public final class KeaForensicLogReader extends LookaheadReader<LeaseEvent> {

    private static final Pattern EVENT = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)? (\\S+) (Address|Prefix):\\s*(\\S+?)(?:/(\\d+))?"
                    + " has been (assigned|renewed|released)(?: for (\\d+) hrs? (\\d+) mins? (\\d+) secs?)?"
                    + " (?:to|from|by) a device (.*)$");
    private static final Pattern HARDWARE = Pattern.compile("hardware address: (?:hwtype=\\d+ )?([0-9A-Fa-f:]+)");
    private static final Pattern CLIENT_ID = Pattern.compile("(?:client-id|DUID): ([0-9A-Fa-f:]+)");
    private static final Pattern CIRCUIT_ID = Pattern.compile("circuit-id: ([^\\s,]+)");
    private static final Pattern REMOTE_ID = Pattern.compile("remote-id: ([^\\s,]+)");

    private final LineReader in;
    private final SubscriberKey key;

    /**
     * Reads UTF-8; {@code key} is {@code CIRCUIT_ID}, {@code REMOTE_ID}, {@code HARDWARE_ADDRESS}
     * or {@code CLIENT_ID} (client-id, or the DUID for DHCPv6).
     */
    public KeaForensicLogReader(InputStream in, String fileName, SubscriberKey key) {
        this.in = new LineReader(in, fileName);
        this.key = switch (key) {
            case CIRCUIT_ID, REMOTE_ID, HARDWARE_ADDRESS, CLIENT_ID -> key;
            default -> throw new IllegalArgumentException("a Kea forensic log has no " + key);
        };
    }

    @Override
    protected Parsed<LeaseEvent> fetch() {
        String text = in.next();
        while (text != null && text.isBlank()) {
            text = in.next();
        }
        if (text == null) {
            return null;
        }
        long line = in.number();
        Matcher m = EVENT.matcher(text.strip());
        if (!m.matches()) {
            return new Parsed.Rejected<>(line, "not a Kea forensic log line: '" + abbreviate(text) + "'");
        }
        Optional<ZoneId> zone = LogTime.zone(m.group(3));
        if (zone.isEmpty()) {
            return new Parsed.Rejected<>(line, "unknown time zone '" + m.group(3) + "'");
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
        } catch (DateTimeParseException e) {
            return new Parsed.Rejected<>(line, "invalid time '" + m.group(1) + " " + m.group(2) + "'");
        }
        IpPrefix prefix;
        try {
            prefix = m.group(6) == null ? IpPrefix.parse(m.group(5)) : IpPrefix.parse(m.group(5) + "/" + m.group(6));
        } catch (IllegalArgumentException e) {
            return new Parsed.Rejected<>(line, "'" + m.group(5) + (m.group(6) == null ? "" : "/" + m.group(6))
                    + "' is not an address or prefix");
        }
        LeaseEvent.Kind kind = switch (m.group(7)) {
            case "assigned" -> LeaseEvent.Kind.ASSIGNED;
            case "renewed" -> LeaseEvent.Kind.RENEWED;
            default -> LeaseEvent.Kind.RELEASED;
        };
        Duration valid = Duration.ZERO;
        if (kind != LeaseEvent.Kind.RELEASED) {
            if (m.group(8) == null) {
                return new Parsed.Rejected<>(line, "lease " + m.group(7) + " without 'for N hrs N mins N secs'");
            }
            valid = Duration.ofHours(Long.parseLong(m.group(8))).plusMinutes(Long.parseLong(m.group(9)))
                    .plusSeconds(Long.parseLong(m.group(10)));
        }
        String device = m.group(11);
        String circuit = find(CIRCUIT_ID, device);
        String remote = find(REMOTE_ID, device);
        String subscriber = switch (key) {
            case CIRCUIT_ID -> circuit;
            case REMOTE_ID -> remote;
            case HARDWARE_ADDRESS -> find(HARDWARE, device);
            default -> find(CLIENT_ID, device);
        };
        if (subscriber.isEmpty()) {
            return new Parsed.Rejected<>(line, "no " + keyName() + " to identify the subscriber");
        }
        String accessLine = circuit.isEmpty() ? (remote.isEmpty() ? "" : "remote-id=" + remote)
                : "circuit-id=" + circuit + (remote.isEmpty() ? "" : ";remote-id=" + remote);
        return new Parsed.Row<>(line, new LeaseEvent(kind, subscriber, prefix, local.atZone(zone.get()).toInstant(),
                valid, accessLine));
    }

    private String keyName() {
        return switch (key) {
            case CIRCUIT_ID -> "circuit-id";
            case REMOTE_ID -> "remote-id";
            case HARDWARE_ADDRESS -> "hardware address";
            default -> "client-id or DUID";
        };
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }

    @Override
    public void close() {
        in.close();
    }
}
