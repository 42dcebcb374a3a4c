package jp.renkei.bench.radius;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jp.renkei.bench.harness.LocalPostgres;
import jp.renkei.bench.harness.ServerProcess;
import jp.renkei.core.radius.RadiusAttribute;
import jp.renkei.core.radius.RadiusAttributeType;
import jp.renkei.core.radius.RadiusAuthenticators;
import jp.renkei.core.radius.RadiusCode;

/**
 * Issue 4: the live RADIUS accounting server under load on loopback. Clients keep a window of
 * Accounting-Request (Start) packets in flight, as a busy BRAS does, retransmit unanswered ones
 * with the same identifier and authenticator, and count answers. Afterwards the database must hold
 * exactly one session per request: none lost, none counted twice. Target: ≥ 5,000 requests/s.
 *
 * <pre>java -cp renkei-bench/target/renkei-bench.jar jp.renkei.bench.radius.RadiusLoad [requests] [clients]</pre>
 */
public final class RadiusLoad {

    private static final byte[] SECRET = "bench-secret".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path jar = Path.of(System.getProperty("renkei.server.jar", "renkei-server/target/renkei-server.jar"));
        int radiusPort;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
            radiusPort = probe.getLocalPort();
        }
        try (LocalPostgres db = LocalPostgres.create("renkei_bench_radius");
             ServerProcess server = ServerProcess.start(jar, "512m", Map.of(
                     "RENKEI_DB_URL", db.jdbcUrl(), "RENKEI_DB_USER", "postgres",
                     "RENKEI_BOOTSTRAP_TOKEN", "rk_bench_radius", "RENKEI_COLLECTORS", "false",
                     "RENKEI_RADIUS_ACCT_PORT", String.valueOf(radiusPort),
                     "RENKEI_RADIUS_BIND", "127.0.0.1",
                     "RENKEI_RADIUS_SECRET", new String(SECRET, StandardCharsets.US_ASCII)))) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), radiusPort);
            AtomicLong retransmissions = new AtomicLong();
            Thread[] threads = new Thread[clients];
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                int from = (int) ((long) requests * c / clients);
                int to = (int) ((long) requests * (c + 1) / clients);
                threads[c] = new Thread(() -> runClient(client, from, to, target, retransmissions));
                threads[c].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long stored;
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "select count(*), count(distinct session_key) from assignment where session_key like '%bench-%'")) {
                rs.next();
                stored = rs.getLong(1);
                if (rs.getLong(2) != stored) {
                    throw new IllegalStateException("a session was stored twice");
                }
            }
            System.out.printf("%,d Accounting-Requests from %d clients answered in %.1f s: %,.0f requests/s "
                    + "(target ≥ 5,000), %,d retransmissions%n", requests, clients, seconds, requests / seconds,
                    retransmissions.get());
            System.out.printf("sessions stored: %,d of %,d (%s)%n", stored, requests,
                    stored == requests ? "none lost, none twice" : "MISMATCH");
        }
    }

    /** One NAS: up to 200 requests in flight on its own socket (RADIUS identifiers are one byte). */
    private static void runClient(int client, int from, int to, InetSocketAddress target, AtomicLong retransmissions) {
        int window = 200;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(2_000);
            byte[][] inFlight = new byte[256][];
            long[] sentAt = new long[256];
            int next = from;
            int outstanding = 0;
            int identifier = 0;
            byte[] buffer = new byte[4096];
            while (next < to || outstanding > 0) {
                while (next < to && outstanding < window) {
                    while (inFlight[identifier] != null) {
                        identifier = (identifier + 1) & 0xff;
                    }
                    byte[] datagram = start(identifier, client, next++);
                    inFlight[identifier] = datagram;
                    sentAt[identifier] = System.nanoTime();
                    socket.send(new DatagramPacket(datagram, datagram.length, target));
                    outstanding++;
                }
                DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(answer);
                    int id = buffer[1] & 0xff;
                    byte[] request = inFlight[id];
                    if (request != null && buffer[0] == (byte) RadiusCode.ACCOUNTING_RESPONSE.number()
                            && RadiusAuthenticators.verifyResponse(buffer, answer.getLength(),
                                    java.util.Arrays.copyOfRange(request, 4, 20), SECRET)) {
                        inFlight[id] = null;
                        outstanding--;
                    }
                } catch (SocketTimeoutException quiet) {
                    long now = System.nanoTime();
                    for (int id = 0; id < 256; id++) {
                        if (inFlight[id] != null && now - sentAt[id] > 2_000_000_000L) {
                            socket.send(new DatagramPacket(inFlight[id], inFlight[id].length, target));
                            sentAt[id] = now;
                            retransmissions.incrementAndGet();
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] start(int identifier, int client, int n) {
        int ip = 0x64400000 + n; // 100.64.0.0 onwards: one address per session
        try {
            InetAddress framed = InetAddress.getByAddress(new byte[] {
                (byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
            List<RadiusAttribute> attributes = List.of(
                    RadiusAttribute.integer(RadiusAttributeType.ACCT_STATUS_TYPE, 1),
                    RadiusAttribute.text(RadiusAttributeType.ACCT_SESSION_ID, "bench-" + n),
                    RadiusAttribute.text(RadiusAttributeType.USER_NAME, "S" + n),
                    RadiusAttribute.address(RadiusAttributeType.FRAMED_IP_ADDRESS, framed),
                    RadiusAttribute.text(RadiusAttributeType.NAS_IDENTIFIER, "bras-" + client),
                    RadiusAttribute.integer(RadiusAttributeType.EVENT_TIMESTAMP, 1_763_769_600L + n));
            return RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, identifier, attributes, SECRET);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
