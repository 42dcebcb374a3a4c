package jp.renkei.core.radius;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/**
 * Which session a CoA or Disconnect-Request is about (RFC 5176 section 3): what Renkei knows from
 * the accounting records of the subscriber's current session, and the NAS that holds it.
 */
public record SessionSelector(Optional<String> userName, Optional<String> acctSessionId,
        Optional<String> framedIpAddress, Optional<String> framedIpv6Prefix, Optional<String> nasAddress) {

    /** Drops blank values and checks that addresses are of the right kind. */
    public SessionSelector {
        userName = clean(userName);
        acctSessionId = clean(acctSessionId);
        framedIpAddress = clean(framedIpAddress);
        framedIpv6Prefix = clean(framedIpv6Prefix);
        nasAddress = clean(nasAddress);
        framedIpAddress.ifPresent(a -> address(a, "Framed-IP-Address", true));
        framedIpv6Prefix.ifPresent(p -> RadiusAttribute.ipv6Prefix(RadiusAttributeType.FRAMED_IPV6_PREFIX, p));
        nasAddress.ifPresent(a -> address(a, "NAS address", false));
    }

    /** Nothing selected yet; add with the {@code with} methods. */
    public static SessionSelector none() {
        return new SessionSelector(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** With the User-Name. */
    public SessionSelector withUserName(String value) {
        return new SessionSelector(Optional.of(value), acctSessionId, framedIpAddress, framedIpv6Prefix, nasAddress);
    }

    /** With the Acct-Session-Id. */
    public SessionSelector withAcctSessionId(String value) {
        return new SessionSelector(userName, Optional.of(value), framedIpAddress, framedIpv6Prefix, nasAddress);
    }

    /** With the Framed-IP-Address (IPv4). */
    public SessionSelector withFramedIpAddress(String value) {
        return new SessionSelector(userName, acctSessionId, Optional.of(value), framedIpv6Prefix, nasAddress);
    }

    /** With the Framed-IPv6-Prefix. */
    public SessionSelector withFramedIpv6Prefix(String value) {
        return new SessionSelector(userName, acctSessionId, framedIpAddress, Optional.of(value), nasAddress);
    }

    /** With the NAS's address (NAS-IP-Address, or NAS-IPv6-Address for IPv6). */
    public SessionSelector withNasAddress(String value) {
        return new SessionSelector(userName, acctSessionId, framedIpAddress, framedIpv6Prefix, Optional.of(value));
    }

    /** Whether anything names a session; the NAS address alone does not. */
    public boolean identifiesSession() {
        return userName.isPresent() || acctSessionId.isPresent() || framedIpAddress.isPresent()
                || framedIpv6Prefix.isPresent();
    }

    /** The attributes, session identification first, then the NAS identification. */
    public List<RadiusAttribute> attributes() {
        List<RadiusAttribute> out = new ArrayList<>();
        userName.ifPresent(v -> out.add(RadiusAttribute.text(RadiusAttributeType.USER_NAME, v)));
        acctSessionId.ifPresent(v -> out.add(RadiusAttribute.text(RadiusAttributeType.ACCT_SESSION_ID, v)));
        framedIpAddress.ifPresent(v -> out.add(new RadiusAttribute(RadiusAttributeType.FRAMED_IP_ADDRESS,
                address(v, "Framed-IP-Address", true).getBytes())));
        framedIpv6Prefix.ifPresent(v -> out.add(RadiusAttribute.ipv6Prefix(RadiusAttributeType.FRAMED_IPV6_PREFIX, v)));
        nasAddress.ifPresent(v -> {
            IPAddress nas = address(v, "NAS address", false);
            out.add(new RadiusAttribute(nas.isIPv4() ? RadiusAttributeType.NAS_IP_ADDRESS
                    : RadiusAttributeType.NAS_IPV6_ADDRESS, nas.getBytes()));
        });
        return out;
    }

    private static IPAddress address(String text, String what, boolean ipv4Only) {
        IPAddress a = new IPAddressString(text).getAddress();
        if (a == null || a.isPrefixed() || a.isMultiple() || ipv4Only && !a.isIPv4()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not an " + (ipv4Only ? "IPv4 " : "IP ")
                    + "address");
        }
        return a;
    }

    private static Optional<String> clean(Optional<String> value) {
        return Objects.requireNonNull(value, "use Optional.empty()").map(String::strip).filter(s -> !s.isEmpty());
    }
}
