package jp.renkei.core.intake;

import java.util.List;
import java.util.Optional;

/**
 * Recognises products in service banners (telnet, HTTP Server lines, …) so observations carry a
 * vendor, model and firmware even when the report has no device columns; that is what lets an
 * advisory be matched to the devices in the field. A plain substring table, checked in order:
 * the first match wins; no regular expression runs per row.
 */
public final class BannerFingerprints {

    /**
     * One rule: when {@code needle} occurs, the device is {@code vendor}. The model is a fixed text,
     * or the token starting at the needle ({@code modelFromNeedle}; a needle ending in a space
     * also takes the next token); the firmware is
     * {@code firmwarePrefix} plus the token after {@code versionAfter}, when that marker occurs.
     */
    record Rule(String needle, String vendor, String model, boolean modelFromNeedle, String versionAfter,
            String firmwarePrefix) {}

    private static final List<Rule> RULES = List.of(
            new Rule("MikroTik v", "MikroTik", null, false, "MikroTik v", "RouterOS "),
            new Rule("ROS v", "MikroTik", null, false, "ROS v", "RouterOS "),
            new Rule("dvrdvs login", "Hikvision", "DVR", false, null, null),
            new Rule("Hikvision", "Hikvision", null, false, null, null),
            new Rule("ZXHN ", "ZTE", null, true, " V", ""),
            new Rule("ZXV10 ", "ZTE", null, true, null, null),
            new Rule("HG8245", "Huawei", null, true, null, null),
            new Rule("EchoLife", "Huawei", null, true, null, null),
            new Rule("Aterm", "NEC", null, true, null, null),
            new Rule("RTX", "Yamaha", null, true, "Rev.", "Rev."),
            new Rule("TL-WR", "TP-Link", null, true, null, null),
            new Rule("TP-LINK", "TP-Link", null, false, null, null),
            new Rule("ZyXEL", "Zyxel", null, false, null, null),
            new Rule("DD-WRT v", "DD-WRT", null, false, "DD-WRT v", "DD-WRT "),
            new Rule("RT-AC", "ASUS", null, true, null, null),
            new Rule("DahuaTech", "Dahua", null, false, null, null),
            new Rule("User Access Verification", "Cisco", null, false, null, null));

    private BannerFingerprints() {
    }

    /**
     * The device a banner names, e.g. {@code |MikroTik v6.45.3 (stable)|Login:} → MikroTik with
     * firmware {@code RouterOS 6.45.3}; empty for banners no rule recognises.
     */
    public static Optional<DeviceIdentity> identify(String banner) {
        if (banner == null || banner.isEmpty()) {
            return Optional.empty();
        }
        for (Rule r : RULES) {
            int at = banner.indexOf(r.needle());
            if (at < 0) {
                continue;
            }
            Optional<String> model = r.model() != null ? Optional.of(r.model())
                    : !r.modelFromNeedle() ? Optional.empty()
                    // "ZXHN H108N": a needle ending in a space is the series, the next token the model.
                    : r.needle().endsWith(" ") ? token(banner, at + r.needle().length()).map(t -> r.needle() + t)
                    : token(banner, at);
            Optional<String> firmware = Optional.empty();
            if (r.versionAfter() != null) {
                int v = banner.indexOf(r.versionAfter(), at);
                if (v >= 0) {
                    firmware = token(banner, v + r.versionAfter().length())
                            .filter(t -> Character.isDigit(t.charAt(0)))
                            .map(t -> r.firmwarePrefix() + t);
                }
            }
            return Optional.of(new DeviceIdentity(r.vendor(), model, firmware));
        }
        return Optional.empty();
    }

    /** The run of characters from {@code from} up to a space, bar, bracket, comma or line end. */
    private static Optional<String> token(String s, int from) {
        int end = from;
        while (end < s.length()) {
            char c = s.charAt(end);
            if (c <= ' ' || c == '|' || c == '(' || c == ')' || c == ',' || c == ';' || c == '"') {
                break;
            }
            end++;
        }
        return end > from ? Optional.of(s.substring(from, end)) : Optional.empty();
    }
}
