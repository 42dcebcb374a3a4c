package jp.renkei.core.radius;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CoA-Request or Disconnect-Request (RFC 5176) for one session: its identification and, for a
 * CoA, the quarantine action (Filter-Id and vendor attributes). Event-Timestamp is included when
 * given, as RFC 5176 section 3.6 advises against replays.
 */
public record DynamicAuthorizationRequest(Kind kind, SessionSelector session, Optional<String> filterId,
        List<VendorAttribute> vendorAttributes, Optional<Instant> eventTimestamp) {

    /** The two requests and their answers. */
    public enum Kind {
        /** Change the session's authorisation, e.g. into the walled garden and out again. */
        COA(RadiusCode.COA_REQUEST, RadiusCode.COA_ACK, RadiusCode.COA_NAK),
        /** End the session, so it comes back under new authorisation. */
        DISCONNECT(RadiusCode.DISCONNECT_REQUEST, RadiusCode.DISCONNECT_ACK, RadiusCode.DISCONNECT_NAK);

        private final RadiusCode request;
        private final RadiusCode ack;
        private final RadiusCode nak;

        Kind(RadiusCode request, RadiusCode ack, RadiusCode nak) {
            this.request = request;
            this.ack = ack;
            this.nak = nak;
        }

        /** The request code. */
        public RadiusCode request() {
            return request;
        }

        /** The positive answer. */
        public RadiusCode ack() {
            return ack;
        }

        /** The negative answer. */
        public RadiusCode nak() {
            return nak;
        }
    }

    /**
     * Rejects a request that names no session, a CoA that changes nothing and a Disconnect with a
     * Filter-Id (a session being ended takes no new filter).
     */
    public DynamicAuthorizationRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(session, "session");
        filterId = Objects.requireNonNull(filterId, "filterId").map(String::strip).filter(s -> !s.isEmpty());
        vendorAttributes = List.copyOf(vendorAttributes);
        Objects.requireNonNull(eventTimestamp, "eventTimestamp");
        if (!session.identifiesSession()) {
            throw new IllegalArgumentException(kind + " request names no session (User-Name, Acct-Session-Id,"
                    + " Framed-IP-Address or Framed-IPv6-Prefix)");
        }
        if (kind == Kind.COA && filterId.isEmpty() && vendorAttributes.isEmpty()) {
            throw new IllegalArgumentException("CoA request changes nothing: no Filter-Id and no vendor attribute");
        }
        if (kind == Kind.DISCONNECT && filterId.isPresent()) {
            throw new IllegalArgumentException("Disconnect request with Filter-Id " + filterId.get());
        }
    }

    /** A CoA that applies the quarantine filter and vendor attributes to the session. */
    public static DynamicAuthorizationRequest coa(SessionSelector session, Optional<String> filterId,
            List<VendorAttribute> vendorAttributes, Instant at) {
        return new DynamicAuthorizationRequest(Kind.COA, session, filterId, vendorAttributes, Optional.of(at));
    }

    /** A Disconnect-Request for the session. */
    public static DynamicAuthorizationRequest disconnect(SessionSelector session, Instant at) {
        return new DynamicAuthorizationRequest(Kind.DISCONNECT, session, Optional.empty(), List.of(), Optional.of(at));
    }

    /** The attributes in packet order: session, NAS, action, Event-Timestamp. */
    public List<RadiusAttribute> attributes() {
        List<RadiusAttribute> out = new ArrayList<>(session.attributes());
        filterId.ifPresent(f -> out.add(RadiusAttribute.text(RadiusAttributeType.FILTER_ID, f)));
        vendorAttributes.forEach(v -> out.add(v.toAttribute()));
        eventTimestamp.ifPresent(t -> out.add(RadiusAttribute.integer(RadiusAttributeType.EVENT_TIMESTAMP,
                t.getEpochSecond())));
        return out;
    }

    /**
     * The request on the wire, signed with the shared secret. The bytes are final: a
     * retransmission sends them again, with the same identifier and authenticator.
     */
    public SignedRequest sign(int identifier, byte[] secret) {
        return new SignedRequest(kind, RadiusAuthenticators.signRequest(kind.request(), identifier, attributes(), secret));
    }
}
