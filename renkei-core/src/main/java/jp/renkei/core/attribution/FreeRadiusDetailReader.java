package jp.renkei.core.attribution;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.net.IpAddresses;

/**
 * Reads a FreeRADIUS {@code detail} accounting file: records separated by blank lines, each a
 * ctime date line followed by indented {@code Attribute = value} lines.
 */
public final class FreeRadiusDetailReader extends LookaheadReader<AccountingRecord> {

    // A record is a few dozen lines; a runaway one (no blank lines) must not exhaust memory.
    private static final int MAX_LINES_PER_RECORD = 1_000;

    private final LineReader lines;
    private final SubscriberKey key;

    /** Reads UTF-8 (a BOM is tolerated), the subscriber named by User-Name. */
    public FreeRadiusDetailReader(InputStream in, String fileName) {
        this(in, fileName, SubscriberKey.USER_NAME);
    }

    /**
     * Reads UTF-8, the subscriber named by {@code key}: {@code USER_NAME}, {@code CALLING_STATION_ID}
     * or {@code CIRCUIT_ID} (NAS-Port-Id); nothing is read until the first {@link #hasNext()}.
     */
    public FreeRadiusDetailReader(InputStream in, String fileName, SubscriberKey key) {
        this.lines = new LineReader(in, fileName);
        this.key = switch (key) {
            case USER_NAME, CALLING_STATION_ID, CIRCUIT_ID -> key;
            default -> throw new IllegalArgumentException("RADIUS accounting has no " + key + " attribute");
        };
    }

    @Override
    protected Parsed<AccountingRecord> fetch() {
        String line = lines.next();
        while (line != null && line.isBlank()) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        long start = lines.number();
        Map<String, String> attributes = new HashMap<>();
        String problem = null;
        int count = 0;
        for (boolean first = true; line != null && !line.isBlank(); line = lines.next(), first = false) {
            if (++count > MAX_LINES_PER_RECORD) {
                problem = problem != null ? problem : "record has more than " + MAX_LINES_PER_RECORD + " lines";
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (first && !indented) {
                continue; // the ctime line: server-local time without a zone, so not used as a time
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                problem = problem != null ? problem
                        : "line " + lines.number() + " is not 'Attribute = value': '" + line.strip() + "'";
                continue;
            }
            attributes.putIfAbsent(line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    unquote(line.substring(eq + 1).strip()));
        }
        if (problem != null) {
            return new Parsed.Rejected<>(start, problem);
        }
        return toRecord(start, attributes);
    }

    private Parsed<AccountingRecord> toRecord(long line, Map<String, String> a) {
        String statusText = a.getOrDefault("acct-status-type", "");
        if (statusText.isEmpty()) {
            return new Parsed.Rejected<>(line, "missing Acct-Status-Type");
        }
        Optional<AcctStatus> status = AcctStatus.parse(statusText);
        if (status.isEmpty()) {
            return new Parsed.Rejected<>(line, "unknown Acct-Status-Type '" + statusText + "'");
        }
        String nas = a.getOrDefault("nas-ip-address", "");
        if (!nas.isEmpty()) {
            if (IpBits.parseV4(nas) < 0) {
                if (!IpAddresses.isAddress(nas)) {
                    return new Parsed.Rejected<>(line, "NAS-IP-Address '" + nas + "' is not an IP address");
                }
                nas = IpAddresses.canonical(nas);
            }
        } else {
            nas = a.getOrDefault("nas-identifier", "");
        }
        Optional<Instant> time = eventTime(a);
        if (time.isEmpty()) {
            return new Parsed.Rejected<>(line, "no valid time: Event-Timestamp '"
                    + a.getOrDefault("event-timestamp", "") + "', Timestamp '" + a.getOrDefault("timestamp", "") + "'");
        }
        OptionalLong sessionTime = OptionalLong.empty();
        String sessionTimeText = a.getOrDefault("acct-session-time", "");
        if (!sessionTimeText.isEmpty()) {
            try {
                sessionTime = OptionalLong.of(Long.parseLong(sessionTimeText));
            } catch (NumberFormatException e) {
                return new Parsed.Rejected<>(line, "Acct-Session-Time '" + sessionTimeText + "' is not a number");
            }
            if (sessionTime.getAsLong() < 0) {
                return new Parsed.Rejected<>(line, "Acct-Session-Time '" + sessionTimeText + "' is negative");
            }
        }
        if (status.get().isNasEvent()) {
            if (nas.isEmpty()) {
                return new Parsed.Rejected<>(line, status.get().dictionaryName()
                        + " without NAS-IP-Address or NAS-Identifier");
            }
            return new Parsed.Row<>(line, new AccountingRecord(line, status.get(), sessionKey(a, nas),
                    a.getOrDefault("user-name", ""), "", nas, time.get(), sessionTime));
        }
        String sessionId = a.getOrDefault("acct-session-id", "");
        if (sessionId.isEmpty()) {
            return new Parsed.Rejected<>(line, "missing Acct-Session-Id");
        }
        String keyAttribute = switch (key) {
            case CALLING_STATION_ID -> "Calling-Station-Id";
            case CIRCUIT_ID -> "NAS-Port-Id";
            default -> "User-Name";
        };
        String user = a.getOrDefault(keyAttribute.toLowerCase(Locale.ROOT), "");
        if (user.isEmpty()) {
            return new Parsed.Rejected<>(line, "missing " + keyAttribute);
        }
        List<String> prefixes = new ArrayList<>();
        for (String attribute : new String[] {"Delegated-IPv6-Prefix", "Framed-IPv6-Prefix"}) {
            String value = a.getOrDefault(attribute.toLowerCase(Locale.ROOT), "");
            if (!value.isEmpty()) {
                try {
                    IpPrefix prefix = IpPrefix.parse(value);
                    if (prefix.isIpv4()) {
                        throw new IllegalArgumentException("IPv4");
                    }
                    prefixes.add(prefix.toString());
                } catch (IllegalArgumentException e) {
                    return new Parsed.Rejected<>(line, attribute + " '" + value + "' is not an IPv6 prefix");
                }
            }
        }
        String ip = a.getOrDefault("framed-ip-address", a.getOrDefault("framed-ipv6-address", ""));
        if (ip.isEmpty() && prefixes.isEmpty()) {
            return new Parsed.Rejected<>(line, "missing Framed-IP-Address (and no IPv6 prefix)");
        }
        // A plain dotted quad is already canonical; only other forms need the (slower) full parser.
        boolean plainV4 = IpBits.parseV4(ip) >= 0;
        if (!ip.isEmpty() && !plainV4 && !IpAddresses.isAddress(ip)) {
            return new Parsed.Rejected<>(line, "Framed-IP-Address '" + ip + "' is not an IP address");
        }
        return new Parsed.Row<>(line, new AccountingRecord(line, status.get(), sessionKey(a, nas), user,
                ip.isEmpty() || plainV4 ? ip : IpAddresses.canonical(ip), nas, time.get(), sessionTime, prefixes,
                a.getOrDefault("nas-port-id", "")));
    }

    private static String sessionKey(Map<String, String> a, String nas) {
        String unique = a.getOrDefault("acct-unique-session-id", "");
        return unique.isEmpty() ? nas + "/" + a.getOrDefault("acct-session-id", "") : unique;
    }

    /**
     * Event-Timestamp is when the NAS saw the event; Timestamp is when the server received the
     * packet, so only the latter is corrected by Acct-Delay-Time.
     */
    private static Optional<Instant> eventTime(Map<String, String> a) {
        String event = a.getOrDefault("event-timestamp", "");
        if (!event.isEmpty()) {
            return RadiusTime.parse(event);
        }
        Optional<Instant> received = RadiusTime.epoch(a.getOrDefault("timestamp", "x"));
        long delay = RadiusTime.epoch(a.getOrDefault("acct-delay-time", "0")).map(Instant::getEpochSecond).orElse(0L);
        return received.map(t -> t.minusSeconds(delay));
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        String inner = value.substring(1, value.length() - 1);
        return inner.indexOf('\\') < 0 ? inner : inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    @Override
    public void close() {
        lines.close();
    }
}
