package jp.renkei.core.csaf.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import jp.renkei.core.csaf.CanonicalJson;
import jp.renkei.core.csaf.Tlp;

/** The ROLIE feed of one TLP label (requirement 15, RFC 8322 in JSON), newest entry first. */
final class RolieFeed {

    private RolieFeed() {
    }

    static String title(ProviderSettings settings, Tlp tlp) {
        return settings.publisher().name() + " CSAF feed (TLP:" + tlp.label() + ")";
    }

    static ObjectNode feed(ProviderSettings settings, Tlp tlp, List<PublishedDocument> newestFirst) {
        ObjectNode root = CanonicalJson.object();
        ObjectNode feed = root.putObject("feed");
        String host = settings.publisher().namespace().getHost();
        feed.put("id", (host == null ? "csaf" : host) + "-csaf-feed-tlp-" + tlp.directory());
        feed.put("title", title(settings, tlp));
        link(feed.putArray("link"), "self", settings.base().resolve(ProviderLayout.feedPath(tlp)).toString());
        feed.putArray("category").addObject().put("scheme", ProviderDistribution.ROLIE_SCHEME).put("term", "csaf");
        feed.put("updated", newestFirst.get(0).currentReleaseDate());
        ArrayNode entries = feed.putArray("entry");
        for (PublishedDocument d : newestFirst) {
            String url = settings.base().resolve(d.path()).toString();
            ObjectNode entry = entries.addObject();
            entry.put("id", d.trackingId());
            entry.put("title", d.title());
            ArrayNode links = entry.putArray("link");
            link(links, "self", url);
            link(links, "hash", url + ".sha256");
            link(links, "hash", url + ".sha512");
            d.signature().ifPresent(s -> link(links, "signature", url + ".asc"));
            entry.put("published", d.initialReleaseDate());
            entry.put("updated", d.currentReleaseDate());
            entry.putObject("content").put("type", "application/json").put("src", url);
            entry.putObject("format").put("schema", ProviderDistribution.CSAF_SCHEMA).put("version", "2.0");
        }
        return root;
    }

    private static void link(ArrayNode links, String rel, String href) {
        links.addObject().put("rel", rel).put("href", href);
    }
}
