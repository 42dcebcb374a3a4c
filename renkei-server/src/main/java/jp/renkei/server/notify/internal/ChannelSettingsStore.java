package jp.renkei.server.notify.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.renkei.server.platform.AuditLog;
import jp.renkei.server.platform.OutboundDestinations;
import jp.renkei.server.platform.SealedColumn;
import jp.renkei.server.platform.SecretBox;
import jp.renkei.server.platform.SecretColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code notify_channel_settings} table: one row per organisation, read and written by it only.
 * The gateway headers and the LINE token are stored sealed ({@link SecretBox}). One that does not
 * open is read as unset (logged), so its channel waits as "not configured" until it is entered
 * again; saving the other settings meanwhile keeps it as stored.
 */
@Repository
public class ChannelSettingsStore implements SecretColumns {

    /** The SMS gateway's extra headers (e.g. Authorization), sealed. */
    static final SealedColumn SMS_HEADERS = new SealedColumn("notify_channel_settings", "sms_headers");
    /** The LINE channel access token, sealed. */
    static final SealedColumn LINE_TOKEN = new SealedColumn("notify_channel_settings", "line_access_token");

    private static final Logger log = LoggerFactory.getLogger(ChannelSettingsStore.class);
    private static final Set<String> METHODS = Set.of("POST", "PUT", "GET");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final OutboundDestinations destinations;
    private final SecretBox box;

    ChannelSettingsStore(JdbcClient jdbc, Clock clock, AuditLog audit, OutboundDestinations destinations,
            SecretBox box) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.destinations = destinations;
        this.box = box;
    }

    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SMS_HEADERS, LINE_TOKEN);
    }

    /** The organisation's settings; {@link ChannelSettings#none()} when it saved none. */
    public ChannelSettings find(long organisationId) {
        return jdbc.sql("""
                select sms_url, sms_method, sms_headers, sms_body_template, sms_content_type, line_base_url,
                    line_access_token, letter_sender
                from notify_channel_settings where organisation_id = ?""")
                .param(organisationId)
                .query((rs, i) -> new ChannelSettings(rs.getString("sms_url"), rs.getString("sms_method"),
                        opened(organisationId, SMS_HEADERS, rs.getString("sms_headers")),
                        rs.getString("sms_body_template"), rs.getString("sms_content_type"),
                        rs.getString("line_base_url"),
                        opened(organisationId, LINE_TOKEN, rs.getString("line_access_token")),
                        rs.getString("letter_sender")))
                .optional()
                .orElse(ChannelSettings.none());
    }

    /**
     * The form fields whose stored secret does not open with this installation's key (sealed with
     * another one, or altered): {@code smsHeaders}, {@code lineAccessToken}. Such a secret reads as
     * unset, so the page says so rather than showing a channel that merely looks unconfigured.
     */
    public List<String> unreadableSecrets(long organisationId) {
        Stored s = stored(organisationId);
        List<String> fields = new ArrayList<>();
        if (!opens(SMS_HEADERS, s.smsHeaders())) {
            fields.add("smsHeaders");
        }
        if (!opens(LINE_TOKEN, s.lineAccessToken())) {
            fields.add("lineAccessToken");
        }
        return fields;
    }

    private boolean opens(SealedColumn column, String stored) {
        try {
            box.open(column, stored);
            return true;
        } catch (SecretBox.UnreadableSecretException e) {
            return false;
        }
    }

    /** The stored, sealed secrets, for a save that keeps them as they are. */
    private record Stored(String smsHeaders, String lineAccessToken) {}

    private Stored stored(long organisationId) {
        return jdbc.sql("select sms_headers, line_access_token from notify_channel_settings where organisation_id = ?")
                .param(organisationId)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(new Stored("", ""));
    }

    /** A kept value as it is, unless it is plain text from before sealing (then sealed now). */
    private String kept(SealedColumn column, String stored) {
        return SecretBox.isSealed(stored) ? stored : box.seal(column, stored);
    }

    private String opened(long organisationId, SealedColumn column, String stored) {
        try {
            return box.open(column, stored);
        } catch (SecretBox.UnreadableSecretException e) {
            log.warn("Channel settings of organisation {}: read as unset: {}", organisationId, e.getMessage());
            return "";
        }
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
        // Kept secrets are written back as stored (sealed once only), so one that does not open now is not lost.
        Stored sealed = stored(organisationId);
        String headersToStore = given.smsHeaders() == null ? kept(SMS_HEADERS, sealed.smsHeaders())
                : box.seal(SMS_HEADERS, headers);
        String tokenToStore = given.lineAccessToken() == null ? kept(LINE_TOKEN, sealed.lineAccessToken())
                : box.seal(LINE_TOKEN, token);
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
                .params(organisationId, s.smsUrl(), s.smsMethod(), headersToStore, s.smsBodyTemplate(),
                        s.smsContentType(), s.lineBaseUrl(), tokenToStore, s.letterSender(), actor,
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
