package jp.renkei.core.attribution;

import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.net.IpAddresses;

/**
 * Reads ISC dhcpd's {@code dhcpd.leases}: {@code lease 10.0.0.2 { starts 5 2020/04/10 08:27:36;
 * ends …; binding state active; hardware ethernet …; uid "…"; client-hostname "…"; }}, times in
 * UTC (or {@code epoch N;}). The file is an append-only journal: a later entry for the same address
 * and start (a release, an expiry) replaces the earlier one, see {@link #lastEntryWins(List)}.
 * Pool bookkeeping entries (free, backup, abandoned) without the subscriber key are skipped;
 * other blocks ({@code server-duid}, {@code failover peer}) are ignored.
 */
public final class DhcpdLeasesReader extends LookaheadReader<Assignment> {

    /** The import format name. */
    public static final String FORMAT = "dhcpd-leases";

    private static final int MAX_LINES_PER_LEASE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final LineReader in;
    private final SubscriberKey key;

    /** {@code key}: {@code HARDWARE_ADDRESS}, {@code CLIENT_ID} (uid), {@code HOSTNAME}, {@code CIRCUIT_ID}, {@code REMOTE_ID}. */
    public DhcpdLeasesReader(InputStream in, String fileName, SubscriberKey key) {
        this.in = new LineReader(in, fileName);
        this.key = switch (key) {
            case HARDWARE_ADDRESS, CLIENT_ID, HOSTNAME, CIRCUIT_ID, REMOTE_ID -> key;
            default -> throw new IllegalArgumentException("dhcpd.leases has no " + key);
        };
    }

    /** Keeps the last entry per (address, start), in order of first appearance. */
    public static List<Assignment> lastEntryWins(List<Assignment> entries) {
        Map<String, Assignment> latest = new LinkedHashMap<>();
        for (Assignment a : entries) {
            latest.put(a.ip() + "/" + a.prefixLength() + "@" + a.from(), a);
        }
        return List.copyOf(latest.values());
    }

    @Override
    protected Parsed<Assignment> fetch() {
        for (String text = in.next(); text != null; text = in.next()) {
            String t = stripComment(text).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("lease ") && t.endsWith("{")) {
                Parsed<Assignment> lease = lease(in.number(), t.substring(6, t.length() - 1).strip());
                if (lease != null) {
                    return lease;
                }
            } else if (t.endsWith("{")) {
                skipBlock();
            } else if (!t.endsWith(";")) {
                return new Parsed.Rejected<>(in.number(), "not a dhcpd.leases statement: '"
                        + KeaForensicLogReader.abbreviate(t) + "'");
            }
        }
        return null;
    }

    private Parsed<Assignment> lease(long line, String address) {
        Map<String, String> s = new HashMap<>();
        String problem = null;
        int count = 0;
        for (String text = in.next(); ; text = in.next()) {
            if (text == null) {
                return new Parsed.Rejected<>(line, "lease " + address + " is not closed by '}'");
            }
            String t = stripComment(text).strip();
            if (t.equals("}")) {
                break;
            }
            if (t.isEmpty()) {
                continue;
            }
            if (++count > MAX_LINES_PER_LEASE || !t.endsWith(";")) {
                problem = problem != null ? problem : "line " + in.number() + " is not a statement ending in ';': '"
                        + KeaForensicLogReader.abbreviate(t) + "'";
                continue;
            }
            t = t.substring(0, t.length() - 1).strip();
            for (String name : new String[] {"starts", "ends", "binding state", "hardware ethernet", "uid",
                "client-hostname", "option agent.circuit-id", "option agent.remote-id"}) {
                if (t.startsWith(name + " ")) {
                    s.put(name, unquote(t.substring(name.length() + 1).strip()));
                }
            }
        }
        if (problem != null) {
            return new Parsed.Rejected<>(line, problem);
        }
        if (!IpAddresses.isAddress(address)) {
            return new Parsed.Rejected<>(line, "lease address '" + address + "' is not an IP address");
        }
        String state = s.getOrDefault("binding state", "active").toLowerCase(Locale.ROOT);
        String subscriber = s.getOrDefault(switch (key) {
            case HARDWARE_ADDRESS -> "hardware ethernet";
            case CLIENT_ID -> "uid";
            case HOSTNAME -> "client-hostname";
            case CIRCUIT_ID -> "option agent.circuit-id";
            default -> "option agent.remote-id";
        }, "");
        if (subscriber.isEmpty()) {
            if (state.equals("free") || state.equals("backup") || state.equals("abandoned")) {
                return null;
            }
            return new Parsed.Rejected<>(line, "lease " + address + " has no " + key.name().toLowerCase(Locale.ROOT)
                    .replace('_', '-') + " to identify the subscriber");
        }
        Optional<Instant> starts = time(s.getOrDefault("starts", ""));
        if (starts.isEmpty()) {
            return new Parsed.Rejected<>(line, "lease " + address + ": starts '" + s.getOrDefault("starts", "")
                    + "' is not a time");
        }
        String endsText = s.getOrDefault("ends", "never");
        Optional<Instant> ends = endsText.equals("never") ? Optional.empty() : time(endsText);
        if (!endsText.equals("never") && ends.isEmpty()) {
            return new Parsed.Rejected<>(line, "lease " + address + ": ends '" + endsText + "' is not a time");
        }
        if (ends.isPresent() && ends.get().isBefore(starts.get())) {
            return new Parsed.Rejected<>(line, "lease " + address + " ends before it starts");
        }
        String circuit = s.getOrDefault("option agent.circuit-id", "");
        String remote = s.getOrDefault("option agent.remote-id", "");
        String accessLine = circuit.isEmpty() ? (remote.isEmpty() ? "" : "remote-id=" + remote)
                : "circuit-id=" + circuit + (remote.isEmpty() ? "" : ";remote-id=" + remote);
        return new Parsed.Row<>(line, new Assignment(
                key == SubscriberKey.HARDWARE_ADDRESS ? subscriber.toLowerCase(Locale.ROOT) : subscriber,
                IpAddresses.canonical(address), address.contains(":") ? 128 : 32, PortRange.ALL, starts.get(), ends,
                FORMAT, accessLine));
    }

    /** {@code 5 2020/04/10 08:27:36} (weekday, UTC) or {@code epoch 1586507256}. */
    private static Optional<Instant> time(String value) {
        String[] p = value.strip().split("\\s+");
        try {
            if (p.length == 2 && p[0].equals("epoch")) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(p[1])));
            }
            if (p.length == 3) {
                return Optional.of(LocalDateTime.parse(p[1] + " " + p[2], TIME).toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void skipBlock() {
        int depth = 1;
        for (String text = in.next(); text != null && depth > 0; text = in.next()) {
            String t = stripComment(text);
            depth += t.chars().filter(c -> c == '{').count() - t.chars().filter(c -> c == '}').count();
            if (depth <= 0) {
                return;
            }
        }
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    @Override
    public void close() {
        in.close();
    }
}
