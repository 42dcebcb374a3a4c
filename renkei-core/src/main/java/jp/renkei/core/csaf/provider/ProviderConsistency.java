package jp.renkei.core.csaf.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.core.csaf.CanonicalJson;
import jp.renkei.core.csaf.validation.CsafSchemas;
import jp.renkei.core.csaf.validation.CsafValidator;

/**
 * Checks that a provider directory tells one story: the metadata and feeds match their schemas, every
 * document listed in {@code index.txt}, {@code changes.csv} or a ROLIE feed exists, is listed
 * everywhere, sits in the right TLP and year folder under the right name, is valid CSAF, has hashes
 * that match, and carries the dates the lists give for it.
 */
public final class ProviderConsistency {

    private static final Pattern DOCUMENT = Pattern.compile("(white|green|amber|red)/(\\d{4})/([^/]+\\.json)");
    private static final Pattern CHANGE = Pattern.compile("\"([^\"]+)\",\"([^\"]+)\"");

    /** A document file found in the directory. */
    private record Document(String path, String tlpDirectory, String year, JsonNode json, byte[] bytes) {

        String text(String pointer) {
            return json.at(pointer).asText();
        }
    }

    private final Distribution distribution;
    private final URI base;
    private final List<ProviderProblem> problems = new ArrayList<>();
    private final Map<String, Document> documents = new LinkedHashMap<>();

    private ProviderConsistency(Distribution distribution, URI base) {
        this.distribution = distribution;
        this.base = base;
    }

    /** Every inconsistency found; empty when the directory is consistent. */
    public static List<ProviderProblem> check(Distribution distribution, URI base) {
        ProviderConsistency c = new ProviderConsistency(distribution, base);
        c.run();
        return List.copyOf(c.problems);
    }

    private void run() {
        distribution.files().keySet().forEach(this::readDocument);
        Optional<JsonNode> metadata = json(ProviderLayout.PROVIDER_METADATA);
        if (metadata.isEmpty()) {
            return;
        }
        CsafSchemas.bundled().validateProviderMetadata(metadata.get())
                .forEach(f -> problem(ProviderLayout.PROVIDER_METADATA, f.toString()));
        String canonical = base.resolve(ProviderLayout.PROVIDER_METADATA).toString();
        if (!metadata.get().path("canonical_url").asText().equals(canonical)) {
            problem(ProviderLayout.PROVIDER_METADATA, "canonical_url is not " + canonical);
        }
        TreeSet<String> listedDirectories = new TreeSet<>();
        TreeSet<String> fedDirectories = new TreeSet<>();
        for (JsonNode d : metadata.get().path("distributions")) {
            if (d.has("directory_url")) {
                relative(d.path("directory_url").asText()).ifPresent(dir -> {
                    listedDirectories.add(dir);
                    checkIndex(dir);
                    checkChanges(dir);
                });
            }
            for (JsonNode feed : d.path("rolie").path("feeds")) {
                relative(feed.path("url").asText()).ifPresent(path -> {
                    fedDirectories.add(path.substring(0, path.indexOf('/') + 1));
                    checkFeed(path, feed.path("tlp_label").asText());
                });
            }
        }
        for (Document d : documents.values()) {
            if (!listedDirectories.contains(d.tlpDirectory()) || !fedDirectories.contains(d.tlpDirectory())) {
                problem(d.path(), "its directory " + d.tlpDirectory() + " lacks a directory_url or ROLIE feed in "
                        + ProviderLayout.PROVIDER_METADATA);
            }
        }
    }

    private void readDocument(String path) {
        Matcher m = DOCUMENT.matcher(path);
        if (!m.matches()) {
            return;
        }
        byte[] bytes = distribution.file(path).orElseThrow().content();
        Optional<JsonNode> json = json(path);
        if (json.isEmpty()) {
            return;
        }
        Document d = new Document(path, m.group(1) + "/", m.group(2), json.get(), bytes);
        documents.put(path, d);
        CsafValidator.validate(d.json()).findings().forEach(f -> problem(path, "invalid CSAF: " + f));
        String expectedName = ProviderLayout.fileName(d.text("/document/tracking/id"));
        if (!m.group(3).equals(expectedName)) {
            problem(path, "the tracking id calls for the file name " + expectedName);
        }
        if (!d.text("/document/tracking/initial_release_date").startsWith(m.group(2))) {
            problem(path, "the initial release date " + d.text("/document/tracking/initial_release_date")
                    + " is not in the year folder " + m.group(2));
        }
        if (!d.text("/document/distribution/tlp/label").toLowerCase(Locale.ROOT).equals(m.group(1))) {
            problem(path, "TLP:" + d.text("/document/distribution/tlp/label") + " is in the directory " + m.group(1));
        }
        for (String algorithm : List.of("SHA-256", "SHA-512")) {
            String hashPath = path + "." + algorithm.replace("-", "").toLowerCase(Locale.ROOT);
            distribution.file(hashPath).ifPresentOrElse(hash -> {
                String[] parts = hash.text().strip().split("\\s+");
                if (!parts[0].equalsIgnoreCase(ProviderDistribution.hex(algorithm, bytes))) {
                    problem(hashPath, "the " + algorithm + " digest does not match the document");
                }
                if (parts.length > 1 && !parts[parts.length - 1].equals(m.group(3))) {
                    problem(hashPath, "names " + parts[parts.length - 1] + " instead of " + m.group(3));
                }
            }, () -> problem(path, "has no " + hashPath.substring(path.length()) + " file"));
        }
    }

    private void checkIndex(String dir) {
        String path = dir + "index.txt";
        Optional<DistributionFile> index = file(path);
        if (index.isEmpty()) {
            return;
        }
        TreeSet<String> listed = new TreeSet<>();
        for (String line : index.get().text().split("\n")) {
            if (!line.isBlank()) {
                listed.add(dir + line.strip());
                exists(path, dir + line.strip());
            }
        }
        unlisted(dir, listed, path);
    }

    private void checkChanges(String dir) {
        String path = dir + "changes.csv";
        Optional<DistributionFile> changes = file(path);
        if (changes.isEmpty()) {
            return;
        }
        TreeSet<String> listed = new TreeSet<>();
        Instant previous = null;
        for (String line : changes.get().text().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = CHANGE.matcher(line.strip());
            if (!m.matches()) {
                problem(path, "line '" + line + "' is not \"path\",\"date\"");
                continue;
            }
            String document = dir + m.group(1);
            listed.add(document);
            exists(path, document).ifPresent(d -> sameInstant(path, document + " current release date", m.group(2),
                    d.text("/document/tracking/current_release_date")));
            Instant date = max(Instant.MIN, m.group(2), path);
            if (previous != null && date.isAfter(previous)) {
                problem(path, "line for " + m.group(1) + " is newer than the line before it (latest must come first)");
            }
            previous = date;
        }
        unlisted(dir, listed, path);
    }

    private void checkFeed(String path, String tlpLabel) {
        Optional<JsonNode> feed = json(path);
        if (feed.isEmpty()) {
            return;
        }
        CsafSchemas.bundled().validateRolieFeed(feed.get()).forEach(f -> problem(path, f.toString()));
        String dir = path.substring(0, path.indexOf('/') + 1);
        if (!dir.equals(tlpLabel.toLowerCase(Locale.ROOT) + "/")) {
            problem(path, "the feed for TLP:" + tlpLabel + " lies in " + dir);
        }
        TreeSet<String> listed = new TreeSet<>();
        Instant newest = Instant.MIN;
        for (JsonNode entry : feed.get().path("feed").path("entry")) {
            String self = entry.path("content").path("src").asText();
            Optional<String> document = relative(self);
            if (document.isEmpty()) {
                continue;
            }
            listed.add(document.get());
            exists(path, document.get()).ifPresent(d -> {
                equal(path, "entry id", entry.path("id").asText(), d.text("/document/tracking/id"));
                equal(path, "entry title", entry.path("title").asText(), d.text("/document/title"));
                sameInstant(path, "published of " + entry.path("id").asText(), entry.path("published").asText(),
                        d.text("/document/tracking/initial_release_date"));
                sameInstant(path, "updated of " + entry.path("id").asText(), entry.path("updated").asText(),
                        d.text("/document/tracking/current_release_date"));
            });
            for (JsonNode link : entry.path("link")) {
                relative(link.path("href").asText()).ifPresent(target -> exists(path, target));
            }
            newest = max(newest, entry.path("updated").asText(), path);
        }
        Instant feedUpdated = max(Instant.MIN, feed.get().path("feed").path("updated").asText(), path);
        if (newest.isAfter(feedUpdated)) {
            problem(path, "the feed's updated is older than its newest entry");
        }
        unlisted(dir, listed, path);
    }

    private Instant max(Instant current, String date, String file) {
        try {
            Instant instant = PublishedDocument.instant(date, file);
            return instant.isAfter(current) ? instant : current;
        } catch (IllegalArgumentException e) {
            problem(file, e.getMessage());
            return current;
        }
    }

    private void unlisted(String dir, TreeSet<String> listed, String list) {
        documents.keySet().stream().filter(p -> p.startsWith(dir) && !listed.contains(p))
                .forEach(p -> problem(list, "does not list " + p));
    }

    private Optional<Document> exists(String list, String document) {
        Optional<Document> d = Optional.ofNullable(documents.get(document));
        if (d.isEmpty() && distribution.file(document).isEmpty()) {
            problem(list, "lists " + document + ", which does not exist");
        }
        return d;
    }

    private void equal(String file, String what, String given, String expected) {
        if (!given.equals(expected)) {
            problem(file, what + " is '" + given + "' but the document says '" + expected + "'");
        }
    }

    private void sameInstant(String file, String what, String given, String expected) {
        try {
            if (!PublishedDocument.instant(given, what).equals(PublishedDocument.instant(expected, what))) {
                problem(file, what + " is " + given + " but the document says " + expected);
            }
        } catch (IllegalArgumentException e) {
            problem(file, e.getMessage());
        }
    }

    private Optional<String> relative(String url) {
        String prefix = base.toString();
        if (!url.startsWith(prefix)) {
            problem(ProviderLayout.PROVIDER_METADATA, url + " is outside the provider base " + prefix);
            return Optional.empty();
        }
        return Optional.of(url.substring(prefix.length()));
    }

    private Optional<DistributionFile> file(String path) {
        Optional<DistributionFile> f = distribution.file(path);
        if (f.isEmpty()) {
            problem(path, "is missing");
        }
        return f;
    }

    private Optional<JsonNode> json(String path) {
        return file(path).flatMap(f -> {
            try {
                return Optional.of(CanonicalJson.read(f.content()));
            } catch (JsonProcessingException e) {
                problem(path, "is not JSON: " + e.getOriginalMessage());
                return Optional.empty();
            }
        });
    }

    private void problem(String file, String message) {
        problems.add(new ProviderProblem(file, message));
    }
}
