package jp.renkei.core.radius;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.AcctStatus;

/**
 * Reads an Accounting-Request (RFC 2866) as accounting records, the same records a FreeRADIUS
 * detail file gives, so live packets and imported files merge into the same sessions.
 */
public final class AccountingRequest {

    private AccountingRequest() {
    }

    /**
     * The record this request stands for (a list, so a future split stays compatible): the
     * session's address (Framed-IP-Address, else Framed-IPv6-Address) and IPv6 prefixes
     * (Framed-IPv6-Prefix, Delegated-IPv6-Prefix), its access line (NAS-Port-Id); or a NAS
     * event for Accounting-On/Off. The NAS is its NAS-IP-Address, else NAS-IPv6-Address, else
     * NAS-Identifier, else the packet's source address; the session key is NAS + "/" +
     * Acct-Session-Id as in detail files. The event time is Event-Timestamp, else the receipt
     * time less Acct-Delay-Time.
     *
     * @throws RadiusFormatException when the packet is not an Accounting-Request or lacks what a
     *         record needs (status, session id, subscriber, address)
     */
    public static List<AccountingRecord> records(RadiusPacket p, String sourceAddress, Instant receivedAt,
            SubscriberAttribute subscriber) {
        if (p.code() != RadiusCode.ACCOUNTING_REQUEST) {
            throw new RadiusFormatException(p.code() + " is not an Accounting-Request");
        }
        long statusNumber = p.first(RadiusAttributeType.ACCT_STATUS_TYPE)
                .orElseThrow(() -> new RadiusFormatException("missing Acct-Status-Type")).asInteger();
        AcctStatus status = AcctStatus.parse(Long.toString(statusNumber))
                .orElseThrow(() -> new RadiusFormatException("unsupported Acct-Status-Type " + statusNumber));
        String nas = p.first(RadiusAttributeType.NAS_IP_ADDRESS).map(RadiusAttribute::asAddress)
                .or(() -> p.first(RadiusAttributeType.NAS_IPV6_ADDRESS).map(RadiusAttribute::asAddress))
                .or(() -> p.first(RadiusAttributeType.NAS_IDENTIFIER).map(RadiusAttribute::asText))
                .filter(s -> !s.isEmpty())
                .orElse(sourceAddress);
        Instant event = p.first(RadiusAttributeType.EVENT_TIMESTAMP)
                .map(a -> Instant.ofEpochSecond(a.asInteger()))
                .orElseGet(() -> receivedAt.minusSeconds(
                        p.first(RadiusAttributeType.ACCT_DELAY_TIME).map(RadiusAttribute::asInteger).orElse(0L)));
        OptionalLong sessionTime = p.first(RadiusAttributeType.ACCT_SESSION_TIME)
                .map(a -> OptionalLong.of(a.asInteger())).orElse(OptionalLong.empty());
        String sessionId = text(p, RadiusAttributeType.ACCT_SESSION_ID).orElse("");
        String user = text(p, subscriber.type()).orElse("");
        if (status.isNasEvent()) {
            return List.of(new AccountingRecord(0, status, nas + "/" + sessionId, user, "", nas, event, sessionTime));
        }
        if (sessionId.isEmpty()) {
            throw new RadiusFormatException("missing Acct-Session-Id");
        }
        if (user.isEmpty()) {
            throw new RadiusFormatException("missing " + subscriber.code() + " (the subscriber attribute)");
        }
        String key = nas + "/" + sessionId;
        String address = p.first(RadiusAttributeType.FRAMED_IP_ADDRESS)
                .or(() -> p.first(RadiusAttributeType.FRAMED_IPV6_ADDRESS))
                .map(RadiusAttribute::asAddress).orElse("");
        List<String> prefixes = new ArrayList<>(2);
        p.all(RadiusAttributeType.FRAMED_IPV6_PREFIX).forEach(a -> prefixes.add(a.asIpv6Prefix()));
        p.all(RadiusAttributeType.DELEGATED_IPV6_PREFIX).forEach(a -> prefixes.add(a.asIpv6Prefix()));
        if (address.isEmpty() && prefixes.isEmpty()) {
            throw new RadiusFormatException("no Framed-IP-Address, Framed-IPv6-Address, Framed-IPv6-Prefix or"
                    + " Delegated-IPv6-Prefix");
        }
        String line = text(p, RadiusAttributeType.NAS_PORT_ID).orElse("");
        return List.of(new AccountingRecord(0, status, key, user, address, nas, event, sessionTime, prefixes, line));
    }

    private static Optional<String> text(RadiusPacket p, int type) {
        return p.first(type).map(RadiusAttribute::asText).map(String::strip).filter(s -> !s.isEmpty());
    }
}
