package jp.renkei.server.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ISP's settings for the channels that need them: its SMS gateway (any HTTP API, described
 * by a request template), its LINE official account, and the sender line printed on letters.
 * Tokens and gateway headers are secrets: {@link #toString()} never shows them.
 */
public record ChannelSettings(String smsUrl, String smsMethod, String smsHeaders, String smsBodyTemplate,
        String smsContentType, String lineBaseUrl, String lineAccessToken, String letterSender) {

    /** Where LINE's Messaging API lives unless the ISP points elsewhere (e.g. a test double). */
    public static final String LINE_API = "https://api.line.me";

    /** Nothing configured. */
    public static ChannelSettings none() {
        return new ChannelSettings("", "POST", "", "", "application/json", LINE_API, "", "");
    }

    /** Whether SMS can go out: a gateway address is set. */
    public boolean smsConfigured() {
        return !smsUrl.isBlank();
    }

    /** Whether LINE can go out: a channel access token is set. */
    public boolean lineConfigured() {
        return !lineAccessToken.isBlank() && !lineBaseUrl.isBlank();
    }

    /** Whether letters can be printed: a return address is set (a letter without one is not sent). */
    public boolean letterConfigured() {
        return !letterSender.isBlank();
    }

    /** The gateway's extra headers, one {@code Name: value} per line. */
    public List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line : smsHeaders.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
        }
        return headers;
    }

    /** The header names only, for the settings page. */
    public List<String> headerNames() {
        return headers().stream().map(Map.Entry::getKey).toList();
    }

    /** The last four characters of the token behind dots, enough to tell which token is stored. */
    public String maskedLineToken() {
        return mask(lineAccessToken);
    }

    static String mask(String secret) {
        if (secret.isBlank()) {
            return "";
        }
        return "••••" + (secret.length() > 12 ? secret.substring(secret.length() - 4) : "");
    }

    @Override
    public String toString() {
        return "ChannelSettings[sms=" + smsMethod + " " + smsUrl + ", smsHeaders=" + headerNames() + ", line="
                + lineBaseUrl + (lineConfigured() ? " (token set)" : " (no token)") + ", letterSender=" + !letterSender.isBlank()
                + "]";
    }
}
