package jp.renkei.core.radius;

import java.util.Map;

/** Why a NAS refused a CoA or Disconnect-Request: the Error-Cause attribute (RFC 5176 section 3.6). */
public record ErrorCause(long code) {

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(201L, "Residual-Session-Context-Removed"),
            Map.entry(202L, "Invalid-EAP-Packet"),
            Map.entry(401L, "Unsupported-Attribute"),
            Map.entry(402L, "Missing-Attribute"),
            Map.entry(403L, "NAS-Identification-Mismatch"),
            Map.entry(404L, "Invalid-Request"),
            Map.entry(405L, "Unsupported-Service"),
            Map.entry(406L, "Unsupported-Extension"),
            Map.entry(407L, "Invalid-Attribute-Value"),
            Map.entry(501L, "Administratively-Prohibited"),
            Map.entry(502L, "Request-Not-Routable"),
            Map.entry(503L, "Session-Context-Not-Found"),
            Map.entry(504L, "Session-Context-Not-Removable"),
            Map.entry(505L, "Other-Proxy-Processing-Error"),
            Map.entry(506L, "Resources-Unavailable"),
            Map.entry(507L, "Request-Initiated"),
            Map.entry(508L, "Multiple-Session-Selection-Unsupported"));

    public static final ErrorCause INVALID_ATTRIBUTE_VALUE = new ErrorCause(407);
    public static final ErrorCause SESSION_CONTEXT_NOT_FOUND = new ErrorCause(503);

    /** The RFC name, or {@code Error-Cause-<code>} for codes RFC 5176 does not define. */
    public String name() {
        return NAMES.getOrDefault(code, "Error-Cause-" + code);
    }

    /**
     * Whether the NAS blames the request (4xx: unsupported or missing attribute, bad value), so
     * the configured attributes need fixing; otherwise (5xx) the NAS or a proxy could not act on a
     * valid request, e.g. because the session is gone.
     */
    public boolean isRequestFault() {
        return code >= 400 && code < 500;
    }

    @Override
    public String toString() {
        return code + " " + name();
    }
}
