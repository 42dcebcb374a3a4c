package jp.renkei.server.attribution.radius;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.radius.AccountingRequest;
import jp.renkei.core.radius.RadiusAuthenticators;
import jp.renkei.core.radius.RadiusCode;
import jp.renkei.core.radius.RadiusFormatException;
import jp.renkei.core.radius.RadiusPacket;
import jp.renkei.server.attribution.NasClient;
import jp.renkei.server.attribution.NasClients;
import jp.renkei.server.attribution.RadiusAccounting;
import jp.renkei.server.attribution.RadiusStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The RADIUS accounting server (RFC 2866) on UDP {@code renkei.radius.acct-port} (0: off, -1: any
 * free port, for tests). One receiver thread checks each datagram's source (a registered NAS
 * client), its authenticator and retransmission status and queues it (bounded); one writer thread
 * takes whatever is queued, up to {@code renkei.radius.batch-size}, stores it in one transaction
 * and only then sends the Accounting-Responses. Group commit keeps the commit rate, not the packet
 * rate, the limit. A retransmission of a packet already answered gets the same answer again; one
 * still in the queue is ignored (its answer follows the commit).
 */
@Component
class RadiusAccountingServer implements SmartLifecycle, RadiusAccounting {

    private static final Logger log = LoggerFactory.getLogger(RadiusAccountingServer.class);
    /** How long an answered packet is remembered to recognise retransmissions. */
    private static final long REMEMBER_MILLIS = 120_000;

    private final NasClients clients;
    private final AccountingBatch batch;
    private final int configuredPort;
    private final String bindAddress;
    private final int batchSize;
    private final BlockingQueue<Pending> queue;
    private final Map<PacketKey, Seen> recent = new ConcurrentHashMap<>();
    private final Map<Long, Counters> counters = new ConcurrentHashMap<>();
    private final AtomicLong unknownClient = new AtomicLong();

    private volatile DatagramSocket socket;
    private volatile boolean running;
    private Thread receiver;
    private Thread writer;

    /** A packet seen: answered once {@code response} is set. */
    private static final class Seen {
        final long at = System.currentTimeMillis();
        volatile byte[] response;
    }

    RadiusAccountingServer(NasClients clients, AccountingBatch batch,
            @Value("${renkei.radius.acct-port:1813}") int port,
            @Value("${renkei.radius.bind-address:0.0.0.0}") String bindAddress,
            @Value("${renkei.radius.queue-capacity:100000}") int queueCapacity,
            @Value("${renkei.radius.batch-size:2000}") int batchSize) {
        this.clients = clients;
        this.batch = batch;
        this.configuredPort = port;
        this.bindAddress = bindAddress;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    @Override
    public synchronized void start() {
        if (configuredPort == 0 || running) {
            return;
        }
        try {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bindAddress),
                    Math.max(configuredPort, 0)));
            s.setReceiveBufferSize(8 * 1024 * 1024);
            socket = s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind RADIUS accounting to " + bindAddress + ":" + configuredPort
                    + " (set RENKEI_RADIUS_ACCT_PORT, 0 turns it off)", e);
        }
        running = true;
        receiver = new Thread(this::receive, "radius-acct-receiver");
        writer = new Thread(this::write, "radius-acct-writer");
        receiver.setDaemon(true);
        writer.setDaemon(true);
        receiver.start();
        writer.start();
        log.info("RADIUS accounting listening on UDP {}:{}", bindAddress, socket.getLocalPort());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        socket.close();
        try {
            receiver.join(2_000);
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int port() {
        DatagramSocket s = socket;
        return s == null || !running ? 0 : s.getLocalPort();
    }

    @Override
    public RadiusStatistics statistics(long organisationId) {
        Counters c = counters.computeIfAbsent(organisationId, o -> new Counters());
        return new RadiusStatistics(port(), c.accepted.get(), c.duplicates.get(), c.badAuthenticator.get(),
                c.malformed.get(), c.unusable.get(), c.overflow.get(), unknownClient.get());
    }

    private void receive() {
        byte[] buffer = new byte[RadiusPacket.MAX_LENGTH];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        long lastSweep = System.currentTimeMillis();
        while (running) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                handle(datagram, Instant.now());
                long now = System.currentTimeMillis();
                if (now - lastSweep > 1_000) {
                    recent.values().removeIf(seen -> now - seen.at > REMEMBER_MILLIS);
                    lastSweep = now;
                }
            } catch (SocketException closed) {
                if (running) {
                    log.error("RADIUS accounting socket failed", closed);
                }
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("RADIUS accounting packet from {} dropped: {}", datagram.getSocketAddress(), e.toString());
            }
        }
    }

    private void handle(DatagramPacket datagram, Instant receivedAt) {
        Optional<NasClient> known = clients.resolve(datagram.getAddress());
        if (known.isEmpty()) {
            if (unknownClient.getAndIncrement() % 1_000 == 0) {
                log.warn("RADIUS accounting from unknown client {} dropped (register it under /settings/nas)",
                        datagram.getAddress().getHostAddress());
            }
            return;
        }
        NasClient client = known.get();
        Counters count = counters.computeIfAbsent(client.organisationId(), o -> new Counters());
        byte[] data = datagram.getData();
        int length = datagram.getLength();
        if (length < RadiusPacket.HEADER_LENGTH || (data[0] & 0xff) != RadiusCode.ACCOUNTING_REQUEST.number()) {
            count.malformed.incrementAndGet();
            return;
        }
        if (!RadiusAuthenticators.verifyRequest(data, length, secret(client))) {
            count.badAuthenticator.incrementAndGet();
            return;
        }
        RadiusPacket packet;
        try {
            packet = RadiusPacket.decode(data, length);
        } catch (RadiusFormatException e) {
            count.malformed.incrementAndGet();
            return;
        }
        PacketKey key = new PacketKey(client.address(), datagram.getPort(), packet.identifier(),
                ByteBuffer.wrap(packet.authenticator()));
        Seen seen = new Seen();
        Seen before = recent.putIfAbsent(key, seen);
        if (before != null) {
            count.duplicates.incrementAndGet();
            byte[] response = before.response;
            if (response != null) {
                send(response, datagram.getSocketAddress());
            }
            return;
        }
        List<AccountingRecord> records;
        try {
            records = AccountingRequest.records(packet, client.address(), receivedAt, client.subscriberAttribute());
        } catch (RadiusFormatException e) {
            // Authentic but nothing to attribute (e.g. no address yet): acknowledged, not stored.
            count.unusable.incrementAndGet();
            byte[] response = answer(client, packet.identifier(), packet.authenticator());
            seen.response = response;
            send(response, datagram.getSocketAddress());
            return;
        }
        Pending pending = new Pending(client, datagram.getSocketAddress(), key, packet.identifier(),
                packet.authenticator(), records);
        if (!queue.offer(pending)) {
            recent.remove(key);
            count.overflow.incrementAndGet();
        }
    }

    private void write() {
        List<Pending> taken = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.clear();
                taken.add(first);
                queue.drainTo(taken, batchSize - 1);
                commitAndAnswer(taken);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commitAndAnswer(List<Pending> taken) {
        long t0 = System.nanoTime();
        try {
            batch.store(taken);
            if (log.isDebugEnabled()) {
                log.debug("stored {} accounting requests in {} ms", taken.size(), (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // Not stored, so not acknowledged: forget them so the NAS's retransmissions are taken anew.
            log.error("RADIUS accounting batch of {} not stored; the NASes will retransmit", taken.size(), e);
            taken.forEach(p -> recent.remove(p.key()));
            return;
        }
        for (Pending p : taken) {
            byte[] response = answer(p.client(), p.identifier(), p.requestAuthenticator());
            Seen seen = recent.get(p.key());
            if (seen != null) {
                seen.response = response;
            }
            counters.computeIfAbsent(p.client().organisationId(), o -> new Counters()).accepted.incrementAndGet();
            send(response, p.replyTo());
        }
    }

    private static byte[] answer(NasClient client, int identifier, byte[] requestAuthenticator) {
        return RadiusAuthenticators.response(RadiusCode.ACCOUNTING_RESPONSE, identifier, List.of(),
                requestAuthenticator, secret(client));
    }

    private void send(byte[] response, java.net.SocketAddress to) {
        try {
            socket.send(new DatagramPacket(response, response.length, to));
        } catch (IOException e) {
            log.warn("Accounting-Response to {} not sent: {}", to, e.toString());
        }
    }

    private static byte[] secret(NasClient client) {
        return client.secret().getBytes(StandardCharsets.UTF_8);
    }
}
