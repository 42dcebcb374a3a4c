package jp.renkei.core.csaf.validation;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tests 6.1.14 and 6.1.16 to 6.1.22 and 6.1.30: the version and revision history tell one story. */
final class RevisionHistoryTests {

    /** A revision history item whose date and number could be read. */
    private record Item(At at, OffsetDateTime date, VersionNumber number) {
    }

    private RevisionHistoryTests() {
    }

    /** The readable items sorted by date, then by number; empty if any item is unreadable. */
    private static Optional<List<Item>> sorted(At document) {
        List<Item> items = new ArrayList<>();
        for (At revision : history(document).items()) {
            Optional<VersionNumber> number = VersionNumber.parse(revision.get("number").text());
            Optional<OffsetDateTime> date = date(revision.get("date").text());
            if (number.isEmpty() || date.isEmpty()) {
                return Optional.empty();
            }
            items.add(new Item(revision, date.get(), number.get()));
        }
        items.sort(Comparator.comparing((Item i) -> i.date().toInstant())
                .thenComparing(Item::number, VersionNumber::compareTo));
        return Optional.of(items);
    }

    /** 6.1.14: sorted by date, the version numbers ascend. */
    static List<Finding> sortedRevisionHistory(At document) {
        List<Finding> findings = new ArrayList<>();
        sorted(document).ifPresent(items -> {
            for (int i = 1; i < items.size(); i++) {
                if (items.get(i).number().compareTo(items.get(i - 1).number()) < 0) {
                    findings.add(history(document).finding("6.1.14", "revision "
                            + items.get(i).at().get("number").text()
                            + " is dated after revision " + items.get(i - 1).at().get("number").text()));
                }
            }
        });
        return findings;
    }

    /** 6.1.16: the document version is the number of the latest revision (build metadata ignored). */
    static List<Finding> latestDocumentVersion(At document) {
        At version = tracking(document).get("version");
        boolean draft = tracking(document).get("status").text().equals("draft");
        return sorted(document).filter(items -> !items.isEmpty()).flatMap(items -> {
            String latest = items.get(items.size() - 1).at().get("number").text();
            if (normalise(latest, draft).equals(normalise(version.text(), draft))) {
                return Optional.empty();
            }
            return Optional.of(version.finding("6.1.16", "version " + version.text()
                    + " is not the latest revision history number " + latest));
        }).stream().toList();
    }

    private static String normalise(String version, boolean draft) {
        String withoutBuild = version.split("\\+", 2)[0];
        return draft ? withoutBuild.split("-", 2)[0] : withoutBuild;
    }

    /** 6.1.17: version 0, 0.y.z or a pre-release means the status must be draft. */
    static List<Finding> documentStatusDraft(At document) {
        At status = tracking(document).get("status");
        Optional<VersionNumber> version = VersionNumber.parse(tracking(document).get("version").text());
        if (status.isText() && !status.text().equals("draft")
                && version.filter(v -> v.isZero() || v.isPreRelease()).isPresent()) {
            return List.of(status.finding("6.1.17", "status is " + status.text() + " but version "
                    + tracking(document).get("version").text() + " is a draft version"));
        }
        return List.of();
    }

    /** 6.1.18: a final or interim document has no revision numbered 0 or 0.y.z. */
    static List<Finding> releasedRevisionHistory(At document) {
        if (!released(document)) {
            return List.of();
        }
        return history(document).items().stream()
                .filter(r -> VersionNumber.parse(r.get("number").text()).filter(VersionNumber::isZero).isPresent())
                .map(r -> r.get("number").finding("6.1.18", "a released document lists draft revision "
                        + r.get("number").text()))
                .toList();
    }

    /** 6.1.19: no revision number carries a pre-release part. */
    static List<Finding> revisionHistoryEntriesForPreReleaseVersions(At document) {
        return history(document).items().stream()
                .filter(r -> VersionNumber.parse(r.get("number").text())
                        .filter(VersionNumber::isPreRelease).isPresent())
                .map(r -> r.get("number").finding("6.1.19", "revision " + r.get("number").text() + " is a pre-release"))
                .toList();
    }

    /** 6.1.20: a final or interim document's version carries no pre-release part. */
    static List<Finding> nonDraftDocumentVersion(At document) {
        At version = tracking(document).get("version");
        if (released(document) && VersionNumber.parse(version.text()).filter(VersionNumber::isPreRelease).isPresent()) {
            return List.of(version.finding("6.1.20", "a released document has the pre-release version "
                    + version.text()));
        }
        return List.of();
    }

    /** 6.1.21: sorted by date, the (major) versions start at 0 or 1 and skip none. */
    static List<Finding> missingItemInRevisionHistory(At document) {
        List<Finding> findings = new ArrayList<>();
        sorted(document).filter(items -> !items.isEmpty()).ifPresent(items -> {
            List<BigInteger> majors = items.stream().map(i -> i.number().major()).distinct().toList();
            BigInteger first = majors.get(0);
            if (first.compareTo(BigInteger.ONE) > 0) {
                findings.add(history(document).finding("6.1.21", "the first revision is " + first + ", not 0 or 1"));
            }
            for (int i = 1; i < majors.size(); i++) {
                BigInteger expected = majors.get(i - 1).add(BigInteger.ONE);
                if (majors.get(i).compareTo(expected) > 0) {
                    findings.add(history(document).finding("6.1.21", "version " + expected + " is missing"));
                }
            }
        });
        return findings;
    }

    /** 6.1.22: no version number appears twice in the revision history. */
    static List<Finding> multipleDefinitionInRevisionHistory(At document) {
        Map<String, String> first = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (At revision : history(document).items()) {
            At number = revision.get("number");
            String earlier = first.putIfAbsent(number.text(), number.pointer());
            if (number.isText() && earlier != null) {
                findings.add(number.finding("6.1.22", "revision " + number.text() + " is already listed at "
                        + earlier));
            }
        }
        return findings;
    }

    /** 6.1.30: the version and all revision numbers use one scheme, integer or semantic. */
    static List<Finding> mixedIntegerAndSemanticVersioning(At document) {
        List<At> versions = new ArrayList<>();
        versions.add(tracking(document).get("version"));
        history(document).items().forEach(r -> versions.add(r.get("number")));
        Optional<Boolean> scheme = Optional.empty();
        List<Finding> findings = new ArrayList<>();
        for (At version : versions) {
            Optional<VersionNumber> parsed = VersionNumber.parse(version.text());
            if (parsed.isEmpty()) {
                continue;
            }
            if (scheme.isEmpty()) {
                scheme = Optional.of(parsed.get().semantic());
            } else if (scheme.get() != parsed.get().semantic()) {
                findings.add(version.finding("6.1.30", version.text() + " uses "
                        + (parsed.get().semantic() ? "semantic" : "integer") + " versioning, the rest does not"));
            }
        }
        return findings;
    }

    private static boolean released(At document) {
        String status = tracking(document).get("status").text();
        return status.equals("final") || status.equals("interim");
    }

    private static At tracking(At document) {
        return document.at("document", "tracking");
    }

    private static At history(At document) {
        return tracking(document).get("revision_history");
    }

    private static Optional<OffsetDateTime> date(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
