package jp.renkei.core.attribution;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.core.imports.CsvTable;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;

/**
 * Reads a Kea memfile lease CSV ({@code kea-lease4}: {@code address,hwaddr,client_id,
 * valid_lifetime,expire,…,hostname,state[,user_context,pool_id]}; {@code kea-lease6}: {@code
 * address,duid,valid_lifetime,expire,…,lease_type,iaid,prefix_len,…,hwaddr,state,…}). Each lease
 * ran from {@code expire − valid_lifetime} to {@code expire}; the file is a snapshot that Kea
 * compacts, so it holds current leases and a little history, not the whole past. Declined leases
 * (state 1) name nobody and are rejected as such. IA_PD leases (type 2) are delegated prefixes.
 * Circuit-id and remote-id are taken from the relay-agent information in {@code user_context}.
 */
public final class KeaLeaseCsvReader extends LookaheadReader<Assignment> {

    private static final long INFINITE = 0xFFFF_FFFFL;
    private static final Pattern CIRCUIT = Pattern.compile("\"circuit-id\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern REMOTE = Pattern.compile("\"remote-id\"\\s*:\\s*\"([^\"]*)\"");

    private final CsvTable csv;
    private final boolean v6;
    private final SubscriberKey key;
    private final String source;
    private final int address;
    private final int lifetime;
    private final int expire;
    private final int keyColumn;
    private final int state;
    private final int context;
    private final int leaseType;
    private final int prefixLength;

    /**
     * Opens a lease file; {@code v6} picks {@code kea-lease6}. {@code key}: {@code HARDWARE_ADDRESS},
     * {@code CLIENT_ID} (client_id, or duid for v6), {@code HOSTNAME}, {@code CIRCUIT_ID} or {@code
     * REMOTE_ID}. Throws {@link jp.renkei.core.imports.ImportFormatException} for a missing column.
     */
    public KeaLeaseCsvReader(InputStream in, String fileName, boolean v6, SubscriberKey key) {
        this.csv = CsvTable.open(in, fileName);
        this.v6 = v6;
        this.key = key;
        this.source = v6 ? "kea-lease6" : "kea-lease4";
        this.address = csv.requireColumn("address");
        this.lifetime = csv.requireColumn("valid_lifetime");
        this.expire = csv.requireColumn("expire");
        this.state = csv.column("state");
        this.context = csv.column("user_context");
        this.leaseType = v6 ? csv.requireColumn("lease_type") : -1;
        this.prefixLength = v6 ? csv.requireColumn("prefix_len") : -1;
        this.keyColumn = switch (key) {
            case HARDWARE_ADDRESS -> csv.requireColumn("hwaddr");
            case CLIENT_ID -> csv.requireColumn(v6 ? "duid" : "client_id");
            case HOSTNAME -> csv.requireColumn("hostname");
            case CIRCUIT_ID, REMOTE_ID -> csv.requireColumn("user_context");
            default -> throw new IllegalArgumentException("a Kea lease file has no " + key);
        };
    }

    @Override
    protected Parsed<Assignment> fetch() {
        return csv.next(this::toAssignment);
    }

    private Parsed<Assignment> toAssignment(long line, CsvRecord r) {
        if (state >= 0 && r.getField(state).strip().equals("1")) {
            return new Parsed.Rejected<>(line, "declined lease (state 1): nobody held " + r.getField(address));
        }
        long valid;
        long expiry;
        try {
            valid = Long.parseLong(r.getField(lifetime).strip());
            expiry = Long.parseLong(r.getField(expire).strip());
        } catch (NumberFormatException e) {
            return new Parsed.Rejected<>(line, "valid_lifetime '" + r.getField(lifetime) + "' or expire '"
                    + r.getField(expire) + "' is not a number");
        }
        if (valid < 0 || expiry < 0 || (valid != INFINITE && valid > expiry)) {
            return new Parsed.Rejected<>(line, "impossible valid_lifetime " + valid + " with expire " + expiry);
        }
        IpPrefix prefix;
        try {
            String a = r.getField(address).strip();
            if (v6 && r.getField(leaseType).strip().equals("2")) {
                prefix = IpPrefix.parse(a + "/" + r.getField(prefixLength).strip());
            } else {
                prefix = IpPrefix.parse(a);
                if (prefix.length() != (prefix.isIpv4() ? 32 : 128) || prefix.isIpv4() == v6) {
                    throw new IllegalArgumentException();
                }
            }
        } catch (IllegalArgumentException e) {
            return new Parsed.Rejected<>(line, "address '" + r.getField(address) + "' is not an IPv" + (v6 ? 6 : 4)
                    + (v6 ? " address or prefix" : " address"));
        }
        String userContext = context >= 0 ? r.getField(context) : "";
        String circuit = find(CIRCUIT, userContext);
        String remote = find(REMOTE, userContext);
        String subscriber = switch (key) {
            case CIRCUIT_ID -> circuit;
            case REMOTE_ID -> remote;
            default -> r.getField(keyColumn).strip();
        };
        if (subscriber.isEmpty()) {
            return new Parsed.Rejected<>(line, "no " + key.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " to identify the subscriber of " + prefix);
        }
        String accessLine = circuit.isEmpty() ? (remote.isEmpty() ? "" : "remote-id=" + remote)
                : "circuit-id=" + circuit + (remote.isEmpty() ? "" : ";remote-id=" + remote);
        Instant end = Instant.ofEpochSecond(expiry);
        Instant start = valid == INFINITE ? end : end.minusSeconds(valid);
        return new Parsed.Row<>(line, Assignment.ofPrefix(subscriber, prefix, start,
                valid == INFINITE ? Optional.empty() : Optional.of(end), source, accessLine));
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    @Override
    public void close() {
        csv.close();
    }
}
