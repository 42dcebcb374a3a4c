package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One RADIUS accounting record, reduced to what attribution needs. {@code userName} is the
 * subscriber id (from the attribute the source's {@link SubscriberKey} names); {@code framedIp} is
 * canonical and empty for Accounting-On/Off and IPv6-only sessions; {@code ipv6Prefixes} are the
 * Framed-IPv6-Prefix and Delegated-IPv6-Prefix values ({@code net/len}, canonical); {@code nas} is
 * the NAS-IP-Address, else the NAS-Identifier; {@code accessLine} is the NAS-Port-Id, or empty.
 */
public record AccountingRecord(long line, AcctStatus status, String sessionKey, String userName,
                               String framedIp, String nas, Instant eventTime, OptionalLong sessionTime,
                               List<String> ipv6Prefixes, String accessLine) {

    /** The IPv4-era shape: no IPv6 prefixes, no access line. */
    public AccountingRecord(long line, AcctStatus status, String sessionKey, String userName, String framedIp,
                            String nas, Instant eventTime, OptionalLong sessionTime) {
        this(line, status, sessionKey, userName, framedIp, nas, eventTime, sessionTime, List.of(), "");
    }

    /** Rejects nulls; empty strings stand for "absent". */
    public AccountingRecord {
        ipv6Prefixes = List.copyOf(ipv6Prefixes);
        Objects.requireNonNull(accessLine, "accessLine");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(framedIp, "framedIp");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(sessionTime, "sessionTime");
    }
}
