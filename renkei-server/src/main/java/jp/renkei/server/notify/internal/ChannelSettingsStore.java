package jp.renkei.server.notify.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.OutboundDestinations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code notify_channel_settings} table: one row per organisation, read and written by it only. */
@Repository
public class ChannelSettingsStore {

    private static final Set<String> METHODS = Set.of("POST", "PUT", "GET");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final OutboundDestinations destinations;

    ChannelSettingsStore(JdbcClient jdbc, Clock clock, AuditLog audit, OutboundDestinations destinations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.destinations = destinations;
    }

    /** The organisation's settings; {@link ChannelSettings#none()} when it saved none. */
    public ChannelSettings find(long organisationId) {
        return jdbc.sql("""
                select sms_url, sms_method, sms_headers, sms_body_template, sms_content_type, line_base_url,
                    line_access_token, letter_sender
                from notify_channel_settings where organisation_id = ?""")
                .param(organisationId)
                .query((rs, i) -> new ChannelSettings(rs.getString("sms_url"), rs.getString("sms_method"),
                        rs.getString("sms_headers"), rs.getString("sms_body_template"),
                        rs.getString("sms_content_type"), rs.getString("line_base_url"),
                        rs.getString("line_access_token"), rs.getString("letter_sender")))
                .optional()
                .orElse(ChannelSettings.none());
    }

    /**
     * Saves the settings after checking them. Secrets (gateway headers, LINE token) given as
     * {@code null} keep the stored value, so a form never has to send a secret back. The SMS
     * gateway and LINE addresses are checked as written (https://, or http:// inside the allowed
     * private networks; no internal address written into the URL); what a host name resolves to
     * is checked before each send.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    @Transactional
    public ChannelSettings save(long organisationId, String actor, ChannelSettings given) {
        ChannelSettings stored = find(organisationId);
        String headers = given.smsHeaders() == null ? stored.smsHeaders() : given.smsHeaders().strip();
        String token = given.lineAccessToken() == null ? stored.lineAccessToken() : given.lineAccessToken().strip();
        String method = given.smsMethod().strip().toUpperCase(Locale.ROOT);
        String lineBase = given.lineBaseUrl().isBlank() ? ChannelSettings.LINE_API : given.lineBaseUrl().strip();
        ChannelSettings s = new ChannelSettings(given.smsUrl().strip(), method, headers, given.smsBodyTemplate(),
                given.smsContentType().strip(), stripSlash(lineBase), token, given.letterSender().strip());
        check(s);
        jdbc.sql("""
                insert into notify_channel_settings (organisation_id, sms_url, sms_method, sms_headers,
                    sms_body_template, sms_content_type, line_base_url, line_access_token, letter_sender,
                    updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id) do update set sms_url = excluded.sms_url,
                    sms_method = excluded.sms_method, sms_headers = excluded.sms_headers,
                    sms_body_template = excluded.sms_body_template, sms_content_type = excluded.sms_content_type,
                    line_base_url = excluded.line_base_url, line_access_token = excluded.line_access_token,
                    letter_sender = excluded.letter_sender, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .params(organisationId, s.smsUrl(), s.smsMethod(), s.smsHeaders(), s.smsBodyTemplate(),
                        s.smsContentType(), s.lineBaseUrl(), s.lineAccessToken(), s.letterSender(), actor,
                        Timestamp.from(clock.instant()))
                .update();
        // Who pointed the ISP's notices at which gateway; the record's text never holds the secrets.
        audit.record(organisationId, actor, "notify-channel-settings-changed", "channels", s.toString());
        return s;
    }

    private void check(ChannelSettings s) {
        if (!s.smsUrl().isEmpty()) {
            httpUrl("smsUrl", s.smsUrl(), "SMS");
        }
        if (!METHODS.contains(s.smsMethod())) {
            throw new IllegalArgumentException("smsMethod: '" + s.smsMethod() + "' is not one of POST, PUT, GET");
        }
        if (s.smsConfigured() && !s.smsMethod().equals("GET") && !s.smsBodyTemplate().contains("{text}")) {
            throw new IllegalArgumentException("smsBodyTemplate: must contain {text}, where the message goes");
        }
        String where = s.smsBodyTemplate() + s.smsUrl();
        if (s.smsConfigured() && !where.contains("{to}") && !where.contains("{to_e164}")) {
            throw new IllegalArgumentException(
                    "smsBodyTemplate: must contain {to} or {to_e164} (or the URL must), the phone number");
        }
        for (String line : s.smsHeaders().split("\\R")) {
            if (!line.isBlank() && line.indexOf(':') <= 0) {
                throw new IllegalArgumentException("smsHeaders: '" + line.strip().replaceAll(":.*", "")
                        + "' is not a 'Name: value' line");
            }
        }
        httpUrl("lineBaseUrl", s.lineBaseUrl(), "LINE");
    }

    private void httpUrl(String field, String value, String purpose) {
        URI uri;
        try {
            uri = new URI(value.replaceAll("\\{(to|to_e164|text|reference)}", "x"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not an address: " + e.getReason());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not an http(s) address");
        }
        try {
            destinations.checkServiceUrlAsWritten(uri, purpose);
        } catch (OutboundDestinations.RefusedDestinationException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
