package jp.renkei.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.intake.ProblemKind;
import jp.renkei.server.cases.CaseFilter;
import jp.renkei.server.cases.CaseManagement;
import jp.renkei.server.cases.CaseNotice;
import jp.renkei.server.cases.CaseNotices;
import jp.renkei.server.cases.SubscriberCase;
import jp.renkei.server.platform.Accounts;
import jp.renkei.server.platform.Role;
import jp.renkei.server.testing.Api;
import jp.renkei.server.testing.Sightings;
import jp.renkei.server.testing.Sightings.Sighting;
import jp.renkei.server.testing.Tenants;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An ISP of its own with subscribers from a CSV and cases to notify about, for the channel tests. */
final class ChannelFixture {

    static final String CSV_HEADER = "subscriber_id,name,email,phone,language,line_user_id,postal_address\n";

    private final ApplicationContext context;
    private final int port;
    final Tenants.Member admin;

    ChannelFixture(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
        this.admin = new Tenants(context.getBean(Accounts.class))
                .newIsp("Channels ISP " + UUID.randomUUID().toString().substring(0, 8), Role.ADMINISTRATOR);
    }

    long org() {
        return admin.organisationId();
    }

    /** Loads subscribers through the import API, the way an ISP does. */
    void subscribers(String rows) {
        Api.Answer answer = new Api(port, admin.token()).upload("/api/v1/subscribers/import", "subscribers.csv",
                CSV_HEADER + rows);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Opens a case for the subscriber (telnet exposed, seen an hour ago) and returns its id. */
    long openCase(String subscriberId, String ip) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        Sightings.in(context).record(org(), Sighting.of(subscriberId, ProblemKind.EXPOSED_TELNET, at, ip));
        List<SubscriberCase> found = context.getBean(CaseManagement.class).list(org(),
                new CaseFilter(Optional.empty(), Optional.empty(), Optional.of(subscriberId)), 10);
        assertThat(found).hasSize(1);
        return found.get(0).id();
    }

    NoticeRequestOutcome queue(long caseId, Channel channel) {
        return context.getBean(NoticeRequests.class).queue(org(), caseId, channel, "test@1#0");
    }

    CaseNotice notice(long caseId, Channel channel) {
        return context.getBean(CaseNotices.class).forCase(org(), caseId).stream()
                .filter(n -> n.channel().equals(channel.code())).findFirst().orElseThrow();
    }

    /** The channels recorded on the case's "notice-sent" timeline entries. */
    List<String> notifiedChannels(long caseId) {
        return context.getBean(JdbcClient.class).sql("""
                select channel from case_event where organisation_id = ? and case_id = ? and kind = 'notice-sent'
                order by id""")
                .params(org(), caseId).query(String.class).list();
    }

    /** Lets the back-off pass for the notice, as a minute of waiting would. */
    void dueNow(long noticeId) {
        context.getBean(JdbcClient.class).sql("update notice set next_attempt_at = now() where id = ?")
                .param(noticeId).update();
    }
}
