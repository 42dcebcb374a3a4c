package jp.renkei.server.platform;

import java.util.Arrays;
import java.util.Locale;

/** What kind of party an organisation is; decides which consoles it gets. */
public enum OrganisationKind {
    ISP, VENDOR, COORDINATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code isp}, {@code vendor} or {@code coordinator}. */
    public static OrganisationKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code().equalsIgnoreCase(code.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown organisation kind '" + code + "' (expected isp, vendor or coordinator)"));
    }
}
