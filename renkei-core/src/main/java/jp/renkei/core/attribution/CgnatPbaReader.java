package jp.renkei.core.attribution;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import jp.renkei.core.imports.CsvTable;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.net.IpAddresses;

/**
 * Reads a CGNAT port-block allocation log as CSV: {@code public_ip,port_start,port_end,inside_ip,
 * subscriber_id,start,end}. Each row is one block of ports of a public address held by a
 * subscriber; an empty {@code end} means the block is still allocated. Times are ISO-8601 (with
 * an offset, or UTC when none) or epoch seconds. The inside address is kept as the line identity.
 */
public final class CgnatPbaReader extends LookaheadReader<Assignment> {

    /** The import format name. */
    public static final String FORMAT = "cgnat-pba";

    private final CsvTable csv;
    private final int publicIp;
    private final int portStart;
    private final int portEnd;
    private final int insideIp;
    private final int subscriber;
    private final int start;
    private final int end;

    /** Opens the log; throws {@link jp.renkei.core.imports.ImportFormatException} for a missing column. */
    public CgnatPbaReader(InputStream in, String fileName) {
        this.csv = CsvTable.open(in, fileName);
        this.publicIp = csv.requireColumn("public_ip");
        this.portStart = csv.requireColumn("port_start");
        this.portEnd = csv.requireColumn("port_end");
        this.insideIp = csv.requireColumn("inside_ip");
        this.subscriber = csv.requireColumn("subscriber_id");
        this.start = csv.requireColumn("start");
        this.end = csv.requireColumn("end");
    }

    @Override
    protected Parsed<Assignment> fetch() {
        return csv.next(this::toAssignment);
    }

    private Parsed<Assignment> toAssignment(long line, CsvRecord r) {
        String ip = r.getField(publicIp).strip();
        if (!IpAddresses.isAddress(ip)) {
            return new Parsed.Rejected<>(line, "public_ip '" + ip + "' is not an IP address");
        }
        PortRange ports;
        try {
            ports = new PortRange(Integer.parseInt(r.getField(portStart).strip()), Integer.parseInt(r.getField(portEnd).strip()));
        } catch (IllegalArgumentException e) {
            return new Parsed.Rejected<>(line, "port_start '" + r.getField(portStart) + "' to port_end '"
                    + r.getField(portEnd) + "' is not a port range");
        }
        String inside = r.getField(insideIp).strip();
        if (!inside.isEmpty() && !IpAddresses.isAddress(inside)) {
            return new Parsed.Rejected<>(line, "inside_ip '" + inside + "' is not an IP address");
        }
        String id = r.getField(subscriber).strip();
        if (id.isEmpty()) {
            return new Parsed.Rejected<>(line, "missing subscriber_id");
        }
        Optional<Instant> from = LogTime.parse(r.getField(start));
        if (from.isEmpty()) {
            return new Parsed.Rejected<>(line, "start '" + r.getField(start) + "' is not a time");
        }
        Optional<Instant> to = Optional.empty();
        if (!r.getField(end).isBlank()) {
            to = LogTime.parse(r.getField(end));
            if (to.isEmpty()) {
                return new Parsed.Rejected<>(line, "end '" + r.getField(end) + "' is not a time");
            }
            if (to.get().isBefore(from.get())) {
                return new Parsed.Rejected<>(line, "end " + to.get() + " is before start " + from.get());
            }
        }
        return new Parsed.Row<>(line, Assignment.ofPortBlock(id, IpAddresses.canonical(ip), ports, from.get(), to, FORMAT,
                inside.isEmpty() ? "" : "inside=" + IpAddresses.canonical(inside)));
    }

    @Override
    public void close() {
        csv.close();
    }
}
