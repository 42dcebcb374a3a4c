package jp.renkei.core.csaf.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.core.csaf.CanonicalJson;
import jp.renkei.core.csaf.CsafWriter;
import jp.renkei.core.csaf.Tlp;

/**
 * Builds every file a CSAF provider serves from its published documents: per TLP directory the year
 * folders with each document and its {@code .sha256}/{@code .sha512} (and {@code .asc} when signed),
 * {@code index.txt}, {@code changes.csv} and a ROLIE feed; at the root {@code provider-metadata.json}.
 * A pure function: the same documents give the same bytes.
 */
public final class ProviderDistribution {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String CSV = "text/csv; charset=utf-8";
    static final String SIGNATURE = "application/pgp-signature";
    static final String CSAF_SCHEMA = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String ROLIE_SCHEME = "urn:ietf:params:rolie:category:information-type";

    private ProviderDistribution() {
    }

    /**
     * The provider's files. {@code last_updated} is the newest current release date among the documents,
     * or {@code asOf} when there are none.
     *
     * @throws IllegalArgumentException when two documents share a path, or a trusted provider's document
     *     is unsigned
     */
    public static Distribution build(ProviderSettings settings, List<PublishedDocument> documents, Instant asOf) {
        Set<String> paths = new HashSet<>();
        Map<Tlp, List<PublishedDocument>> byTlp = new EnumMap<>(Tlp.class);
        for (PublishedDocument d : documents) {
            if (!paths.add(d.path())) {
                throw new IllegalArgumentException("two documents would be published at " + d.path());
            }
            if (settings.role() == ProviderSettings.Role.CSAF_TRUSTED_PROVIDER && d.signature().isEmpty()) {
                throw new IllegalArgumentException(d.trackingId() + " is unsigned, but a trusted provider signs all");
            }
            byTlp.computeIfAbsent(d.tlp(), t -> new ArrayList<>()).add(d);
        }
        List<DistributionFile> files = new ArrayList<>();
        byTlp.forEach((tlp, docs) -> {
            List<PublishedDocument> newestFirst = docs.stream()
                    .sorted(Comparator.comparing(PublishedDocument::currentRelease).reversed()
                            .thenComparing(PublishedDocument::path))
                    .toList();
            for (PublishedDocument d : newestFirst) {
                String name = ProviderLayout.fileName(d.trackingId());
                files.add(new DistributionFile(d.path(), JSON, d.json()));
                files.add(new DistributionFile(d.path() + ".sha256", TEXT, hashFile("SHA-256", d.json(), name)));
                files.add(new DistributionFile(d.path() + ".sha512", TEXT, hashFile("SHA-512", d.json(), name)));
                d.signature().ifPresent(asc -> files.add(new DistributionFile(d.path() + ".asc", SIGNATURE, asc)));
            }
            String dir = ProviderLayout.directory(tlp);
            files.add(new DistributionFile(dir + "index.txt", TEXT, indexTxt(dir, docs)));
            files.add(new DistributionFile(dir + "changes.csv", CSV, changesCsv(dir, newestFirst)));
            files.add(new DistributionFile(ProviderLayout.feedPath(tlp), JSON,
                    CanonicalJson.write(RolieFeed.feed(settings, tlp, newestFirst))));
        });
        Instant lastUpdated = documents.stream().map(PublishedDocument::currentRelease).max(Comparator.naturalOrder())
                .orElse(asOf);
        files.add(0, new DistributionFile(ProviderLayout.PROVIDER_METADATA, JSON,
                CanonicalJson.write(providerMetadata(settings, byTlp.keySet(), lastUpdated))));
        return Distribution.of(files);
    }

    /** Requirement 12: every document's path relative to the TLP directory, newest year first. */
    private static byte[] indexTxt(String dir, List<PublishedDocument> docs) {
        StringBuilder index = new StringBuilder();
        docs.stream().map(d -> d.path().substring(dir.length()))
                .sorted(Comparator.comparing((String p) -> p.substring(0, p.indexOf('/'))).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(p -> index.append(p).append('\n'));
        return index.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Requirement 13: {@code "path","current_release_date"} without heading, latest first. */
    private static byte[] changesCsv(String dir, List<PublishedDocument> newestFirst) {
        StringBuilder csv = new StringBuilder();
        for (PublishedDocument d : newestFirst) {
            csv.append('"').append(d.path().substring(dir.length())).append("\",\"")
                    .append(d.currentReleaseDate()).append("\"\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Requirement 18 in {@code sha256sum} format: the hex digest, two spaces, the file name. */
    static byte[] hashFile(String algorithm, byte[] content, String fileName) {
        return (hex(algorithm, content) + "  " + fileName + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from this JVM", e);
        }
    }

    private static ObjectNode providerMetadata(ProviderSettings settings, Set<Tlp> tlps, Instant lastUpdated) {
        ObjectNode m = CanonicalJson.object();
        m.put("canonical_url", settings.base().resolve(ProviderLayout.PROVIDER_METADATA).toString());
        if (!tlps.isEmpty()) {
            ArrayNode distributions = m.putArray("distributions");
            for (Tlp tlp : tlps) {
                distributions.addObject().put("directory_url",
                        settings.base().resolve(ProviderLayout.directory(tlp)).toString());
            }
            ArrayNode feeds = distributions.addObject().putObject("rolie").putArray("feeds");
            for (Tlp tlp : tlps) {
                feeds.addObject()
                        .put("summary", RolieFeed.title(settings, tlp))
                        .put("tlp_label", tlp.label())
                        .put("url", settings.base().resolve(ProviderLayout.feedPath(tlp)).toString());
            }
        }
        m.put("last_updated", CsafWriter.dateTime(lastUpdated));
        m.put("list_on_CSAF_aggregators", settings.listOnAggregators());
        m.put("metadata_version", "2.0");
        m.put("mirror_on_CSAF_aggregators", settings.mirrorOnAggregators());
        if (!settings.pgpKeys().isEmpty()) {
            ArrayNode keys = m.putArray("pgp_keys");
            settings.pgpKeys().forEach(k -> {
                ObjectNode key = keys.addObject().put("url", k.url().toString());
                k.fingerprint().ifPresent(f -> key.put("fingerprint", f));
            });
        }
        m.set("publisher", CsafWriter.publisher(settings.publisher()));
        m.put("role", settings.role().json());
        return m;
    }
}
