package jp.renkei.core.csaf.provider;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import jp.renkei.core.csaf.Tlp;

/**
 * Where a CSAF provider keeps things (CSAF 2.0 section 7.1): one directory per TLP label, year folders
 * inside from the initial release date, file names from the tracking id.
 */
public final class ProviderLayout {

    /** The provider metadata file, at the root of the provider's base URL. */
    public static final String PROVIDER_METADATA = "provider-metadata.json";

    private ProviderLayout() {
    }

    /**
     * Requirement 2: the tracking id in lower case, each run of characters other than {@code +-a-z0-9}
     * replaced by one {@code _}, plus {@code .json}.
     */
    public static String fileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    /** Requirement 11: the year folder, from the initial release date in UTC. */
    public static String year(Instant initialReleaseDate) {
        return String.valueOf(initialReleaseDate.atZone(ZoneOffset.UTC).getYear());
    }

    /** The directory of one TLP label, e.g. {@code white/}. */
    public static String directory(Tlp tlp) {
        return tlp.directory() + "/";
    }

    /** A document's path below the base URL, e.g. {@code white/2025/hzn-sa-2025-003.json}. */
    public static String documentPath(Tlp tlp, Instant initialReleaseDate, String trackingId) {
        return directory(tlp) + year(initialReleaseDate) + "/" + fileName(trackingId);
    }

    /** The ROLIE feed of one TLP label, e.g. {@code white/csaf-feed-tlp-white.json}. */
    public static String feedPath(Tlp tlp) {
        return directory(tlp) + "csaf-feed-tlp-" + tlp.directory() + ".json";
    }

    /** The address of a document, e.g. for its {@code self} reference. */
    public static URI documentUrl(URI base, Tlp tlp, Instant initialReleaseDate, String trackingId) {
        return base.resolve(documentPath(tlp, initialReleaseDate, trackingId));
    }
}
