package jp.renkei.core.attribution;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One RADIUS accounting record, reduced to what attribution needs. {@code framedIp} is canonical
 * and empty for Accounting-On/Off; {@code nas} is the NAS-IP-Address, else the NAS-Identifier.
 */
public record AccountingRecord(long line, AcctStatus status, String sessionKey, String userName,
                               String framedIp, String nas, Instant eventTime, OptionalLong sessionTime) {

    /** Rejects nulls; empty strings stand for "absent". */
    public AccountingRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sessionKey, "sessionKey");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(framedIp, "framedIp");
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(sessionTime, "sessionTime");
    }
}
