package jp.renkei.core.radius;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends CoA and Disconnect-Requests to one NAS over UDP (RFC 5176, port 3799 by default) and
 * waits for the answer, retransmitting the identical datagram (same identifier and authenticator,
 * so the NAS can recognise a duplicate) when none comes in time. Each request uses a fresh socket,
 * so concurrent requests never see each other's answers. Blocking; call it from the outbox worker.
 */
public final class DynamicAuthorizationClient {

    /** The port RFC 5176 assigns to dynamic authorisation. */
    public static final int DEFAULT_PORT = 3799;

    private final InetSocketAddress nas;
    private final byte[] secret;
    private final Duration timeout;
    private final int attempts;
    private final AtomicInteger identifiers = new AtomicInteger(new SecureRandom().nextInt(256));

    /**
     * A client for one NAS.
     *
     * @param timeout how long to wait for an answer to each transmission
     * @param attempts transmissions in all, the first included
     */
    public DynamicAuthorizationClient(InetSocketAddress nas, byte[] secret, Duration timeout, int attempts) {
        this.nas = Objects.requireNonNull(nas, "nas");
        if (secret.length == 0) {
            throw new IllegalArgumentException("empty shared secret for " + nas);
        }
        if (timeout.isNegative() || timeout.isZero() || attempts < 1) {
            throw new IllegalArgumentException("timeout " + timeout + " and attempts " + attempts + " must be positive");
        }
        this.secret = secret.clone();
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /**
     * Sends the request and returns the first answer that verifies. Datagrams that do not (other
     * identifier, other code, wrong authenticator, malformed) are dropped and listed in
     * {@link DynamicAuthorizationResult.NoAnswer} if nothing better comes.
     *
     * @throws IOException when the socket itself fails (not for a silent NAS)
     */
    public DynamicAuthorizationResult send(DynamicAuthorizationRequest request) throws IOException {
        SignedRequest signed = request.sign(identifiers.getAndIncrement() & 0xff, secret);
        byte[] wire = signed.wire();
        List<String> discarded = new ArrayList<>();
        byte[] buffer = new byte[RadiusPacket.MAX_LENGTH];
        try (DatagramSocket socket = new DatagramSocket()) {
            // Connected: datagrams from any other address are never delivered to us.
            socket.connect(nas);
            for (int attempt = 1; attempt <= attempts; attempt++) {
                socket.send(new DatagramPacket(wire, wire.length));
                long deadline = System.nanoTime() + timeout.toNanos();
                for (long left = timeout.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                    socket.setSoTimeout((int) Math.max(1, left));
                    DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(in);
                    } catch (SocketTimeoutException quiet) {
                        break;
                    }
                    try {
                        return signed.read(in.getData(), in.getLength(), secret);
                    } catch (RadiusFormatException notOurs) {
                        discarded.add(notOurs.getMessage());
                    }
                }
            }
        }
        return new DynamicAuthorizationResult.NoAnswer(attempts, discarded);
    }

    @Override
    public String toString() {
        return "dynamic authorisation client for " + nas;
    }
}
