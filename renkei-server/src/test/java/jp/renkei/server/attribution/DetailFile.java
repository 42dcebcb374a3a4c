package jp.renkei.server.attribution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Builds a FreeRADIUS {@code detail} file the way radiusd writes one (test data). */
public final class DetailFile {

    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EVENT =
            DateTimeFormatter.ofPattern("MMM ppd yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder();
    private final String nas;

    private DetailFile(String nas) {
        this.nas = nas;
    }

    /** A file from the NAS with this NAS-IP-Address. */
    public static DetailFile fromNas(String nasIp) {
        return new DetailFile(nasIp);
    }

    /** An Acct-Status-Type = Start. */
    public DetailFile start(String user, String sessionId, String ip, Instant at) {
        return record(at, "Start", user, sessionId, ip, null);
    }

    /** An Acct-Status-Type = Stop, with the session time since {@code startedAt}. */
    public DetailFile stop(String user, String sessionId, String ip, Instant startedAt, Instant at) {
        return record(at, "Stop", user, sessionId, ip, at.getEpochSecond() - startedAt.getEpochSecond());
    }

    /** An Accounting-On: the NAS restarted and forgot its sessions. */
    public DetailFile accountingOn(Instant at) {
        text.append(CTIME.format(at)).append('\n')
                .append("\tAcct-Status-Type = Accounting-On\n")
                .append("\tNAS-IP-Address = ").append(nas).append('\n')
                .append("\tEvent-Timestamp = \"").append(EVENT.format(at)).append("\"\n")
                .append("\tTimestamp = ").append(at.getEpochSecond()).append("\n\n");
        return this;
    }

    /** Raw lines, for records a reader must reject. */
    public DetailFile raw(String record) {
        text.append(record).append("\n\n");
        return this;
    }

    private DetailFile record(Instant at, String status, String user, String sessionId, String ip, Long sessionTime) {
        text.append(CTIME.format(at)).append('\n')
                .append("\tAcct-Status-Type = ").append(status).append('\n')
                .append("\tUser-Name = \"").append(user).append("\"\n")
                .append("\tNAS-IP-Address = ").append(nas).append('\n')
                .append("\tAcct-Session-Id = \"").append(sessionId).append("\"\n")
                .append("\tFramed-IP-Address = ").append(ip).append('\n');
        if (sessionTime != null) {
            text.append("\tAcct-Session-Time = ").append(sessionTime).append('\n')
                    .append("\tAcct-Terminate-Cause = User-Request\n");
        }
        text.append("\tEvent-Timestamp = \"").append(EVENT.format(at)).append("\"\n")
                .append("\tAcct-Delay-Time = 0\n")
                .append("\tTimestamp = ").append(at.getEpochSecond()).append("\n\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
