package jp.renkei.server.demo.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.renkei.server.attribution.AssignmentImport;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationImportRequest;
import jp.renkei.server.subscribers.SubscriberImport;
import org.springframework.stereotype.Component;

/**
 * Six weeks of notified cases for the effectiveness view. The devices' daily Shadowserver reports
 * go through the ordinary import (feed {@value #FEED}), so cases open, extend and carry their
 * report sources as in production; the subscribers' side (first notice per channel, ladder,
 * acknowledgement, fix report, clean reports and verification) is then written at the instants
 * of {@link HistoryPlan} through the cases module's face. Finally today's report goes in for real:
 * reinfected devices show up again and recent fixes get a genuine clean cycle; quiet cases are closed.
 */
@Component
class DemoHistory {

    /** The feed the history's reports come from. */
    static final String FEED = "shadowserver";
    private static final String ACTOR = "demo";
    private static final String REPORT_TYPE = "scan_telnet";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SubscriberImport subscribers;
    private final AssignmentImport assignments;
    private final ObservationImport observations;
    private final CaseManagement cases;

    DemoHistory(SubscriberImport subscribers, AssignmentImport assignments, ObservationImport observations,
            CaseManagement cases) {
        this.subscribers = subscribers;
        this.assignments = assignments;
        this.observations = observations;
        this.cases = cases;
    }

    /** Loads the history into the organisation, ending at {@code now}; returns the devices as planned. */
    List<HistoryPlan.Device> load(long org, Instant now, long seed) {
        List<HistoryPlan.Device> devices = HistoryPlan.plan(seed, now);
        subscribers.importCsv(org, ACTOR, "demo-history-subscribers.csv", bytes(subscriberCsv(devices)));
        assignments.importFile(org, ACTOR, "freeradius-detail", "demo-history-radius-detail",
                bytes(sessions(devices, now)));
        for (int daysAgo = HistoryPlan.OLDEST_DAY; daysAgo >= 1; daysAgo--) {
            importReport(org, HistoryPlan.dayStart(now, daysAgo), devices, now, false);
        }
        for (HistoryPlan.Device d : devices) {
            subscriberSide(org, d);
        }
        importReport(org, HistoryPlan.dayStart(now, 0), devices, now, true);
        cases.closeQuietCases(now);
        return devices;
    }

    private void subscriberSide(long org, HistoryPlan.Device d) {
        List<SubscriberCase> found = cases.list(org, new CaseFilter(Optional.empty(), Optional.empty(),
                Optional.of(d.subscriberId())), 1);
        if (found.isEmpty()) {
            return; // nothing attributed: nobody to notify
        }
        long id = found.get(0).id();
        cases.recordEvent(org, id, "ladder-started", d.ladder(), d.notifiedAt().minus(Duration.ofMinutes(5)));
        cases.markNotified(org, id, d.channel(), "demo history: first notice (" + d.channel().code() + ")",
                d.notifiedAt());
        d.acknowledgedAt().ifPresent(at -> cases.acknowledge(org, id, at, "portal"));
        if (d.fixReportedAt().isEmpty()) {
            return;
        }
        cases.reportFixed(org, id, d.fixReportedAt().get());
        String source = "feed " + FEED + " (" + REPORT_TYPE + ")";
        for (int k = 0; k < d.cleanReports().size(); k++) {
            cases.recordEvent(org, id, "clean-report", "not seen in the report of " + source + ": " + (k + 1)
                    + " of 2", d.cleanReports().get(k));
        }
        if (d.cleanReports().size() == 2) {
            cases.verifyFix(org, id, d.cleanReports().get(1), "not seen in 2 reports of " + source
                    + " since the fix report at " + d.fixReportedAt().get());
        }
    }

    /**
     * One day's report: every device the scans see that day, plus an address nobody holds (a
     * report is never empty). Today's report shows the reinfected devices again and only scans
     * that already happened.
     */
    private void importReport(long org, Instant dayStart, List<HistoryPlan.Device> devices, Instant now,
            boolean today) {
        StringBuilder csv = new StringBuilder("timestamp,severity,ip,protocol,port,hostname,tag,asn,geo,region,city,"
                + "naics,hostname_source,sector,banner\r\n");
        Instant latest = today ? now.minus(Duration.ofMinutes(30)) : dayStart.plus(Duration.ofDays(1));
        for (HistoryPlan.Device d : devices) {
            Instant at = dayStart.plus(Duration.ofHours(d.hour()));
            boolean seen = d.seenOn(dayStart) || (today && d.reinfected());
            if (seen && at.isBefore(latest)) {
                csv.append(row(at, d.ip()));
            } else if (seen && today) {
                csv.append(row(latest.minusSeconds(d.hour()), d.ip()));
            }
        }
        csv.append(row(dayStart.plusSeconds(60), "192.0.2.250"));
        observations.importReport(new ObservationImportRequest(org, ACTOR, ObservationImport.SHADOWSERVER,
                dayStart.atZone(ZoneOffset.UTC).toLocalDate() + "-" + REPORT_TYPE + "-asn-jp.csv",
                Optional.of(REPORT_TYPE), Optional.empty(), FEED), bytes(csv.toString()));
    }

    private static String row(Instant at, String ip) {
        return TIME.format(at) + ",medium," + ip + ",tcp,23,,telnet,64496,JP,TOKYO,SETAGAYA,517311,,"
                + "\"Communications, Service Provider, and Hosting Service\",|(none) login:\r\n";
    }

    private static String subscriberCsv(List<HistoryPlan.Device> devices) {
        StringBuilder csv = new StringBuilder("subscriber_id,name,email,phone,language\r\n");
        for (HistoryPlan.Device d : devices) {
            String n = d.subscriberId().substring(2);
            csv.append(d.subscriberId()).append(",履歴 加入者").append(n).append(",h").append(n)
                    .append("@example.jp,,ja\r\n");
        }
        return csv.toString();
    }

    /** One fixed-address session per history subscriber over the whole history (a FreeRADIUS detail file). */
    private static String sessions(List<HistoryPlan.Device> devices, Instant now) {
        Instant start = HistoryPlan.dayStart(now, HistoryPlan.OLDEST_DAY + 2);
        Instant stop = now.minusSeconds(60);
        StringBuilder detail = new StringBuilder();
        for (HistoryPlan.Device d : devices) {
            session(detail, "Start", d, start, null);
            session(detail, "Stop", d, stop, stop.getEpochSecond() - start.getEpochSecond());
        }
        return detail.toString();
    }

    private static void session(StringBuilder out, String status, HistoryPlan.Device d, Instant at, Long seconds) {
        out.append(CTIME.format(at)).append('\n')
                .append("\tAcct-Status-Type = ").append(status).append('\n')
                .append("\tUser-Name = \"").append(d.subscriberId()).append("\"\n")
                .append("\tNAS-IP-Address = 192.0.2.240\n")
                .append("\tAcct-Session-Id = \"hist-").append(d.subscriberId()).append("\"\n")
                .append("\tFramed-IP-Address = ").append(d.ip()).append('\n');
        if (seconds != null) {
            out.append("\tAcct-Session-Time = ").append(seconds).append('\n')
                    .append("\tAcct-Terminate-Cause = User-Request\n");
        }
        out.append("\tEvent-Timestamp = ").append(at.getEpochSecond()).append('\n')
                .append("\tAcct-Delay-Time = 0\n")
                .append("\tTimestamp = ").append(at.getEpochSecond()).append("\n\n");
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
