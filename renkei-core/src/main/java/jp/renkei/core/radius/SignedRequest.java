package jp.renkei.core.radius;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A signed CoA or Disconnect-Request ready to send, which knows the answers that belong to it. */
public record SignedRequest(DynamicAuthorizationRequest.Kind kind, byte[] wire) {

    /** Copies the bytes. */
    public SignedRequest {
        Objects.requireNonNull(kind, "kind");
        wire = wire.clone();
    }

    /** The bytes to send, copied. */
    @Override
    public byte[] wire() {
        return wire.clone();
    }

    /** The identifier octet. */
    public int identifier() {
        return wire[1] & 0xff;
    }

    /** The request authenticator. */
    public byte[] authenticator() {
        return Arrays.copyOfRange(wire, 4, 20);
    }

    /**
     * Reads a datagram as the answer to this request: its identifier, an ACK or NAK of this kind,
     * and a response authenticator made with the shared secret over this request's authenticator.
     *
     * @throws RadiusFormatException saying why the datagram is not that answer; the caller drops it
     *         and keeps waiting, as RFC 5176 section 3.5 asks for responses that do not verify
     */
    public DynamicAuthorizationResult.Answer read(byte[] datagram, int length, byte[] secret) {
        RadiusPacket p = RadiusPacket.decode(datagram, length);
        if (p.identifier() != identifier()) {
            throw new RadiusFormatException(p.code() + " for identifier " + p.identifier() + ", not " + identifier());
        }
        if (p.code() != kind.ack() && p.code() != kind.nak()) {
            throw new RadiusFormatException(p.code() + " does not answer a " + kind.request());
        }
        if (!RadiusAuthenticators.verifyResponse(datagram, length, authenticator(), secret)) {
            throw new RadiusFormatException(p.code() + " id " + p.identifier()
                    + " has a response authenticator that does not verify (another shared secret?)");
        }
        if (p.code() == kind.ack()) {
            return new DynamicAuthorizationResult.Ack(p.attributes());
        }
        Optional<ErrorCause> cause = p.first(RadiusAttributeType.ERROR_CAUSE).map(a -> new ErrorCause(a.asInteger()));
        return new DynamicAuthorizationResult.Nak(cause, p.attributes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedRequest s && kind == s.kind && Arrays.equals(wire, s.wire);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(wire);
    }

    @Override
    public String toString() {
        return kind.request() + " id=" + identifier() + " (" + wire.length + " octets)";
    }
}
