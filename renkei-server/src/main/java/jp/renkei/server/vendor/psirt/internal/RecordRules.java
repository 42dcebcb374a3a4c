package jp.renkei.server.vendor.psirt.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jp.renkei.server.vendor.psirt.AffectedRange;
import jp.renkei.server.vendor.psirt.CvssScore;
import jp.renkei.server.vendor.psirt.Identifiers;
import jp.renkei.server.vendor.psirt.Justification;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.RecordDraft;
import jp.renkei.server.vendor.psirt.RecordStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a vulnerability record as entered and resolves it against the organisation's catalogue.
 * Every problem is collected (not only the first), each naming its field by JSON pointer.
 */
@Component
class RecordRules {

    /** A range resolved to catalogue ids. */
    record Range(long productId, boolean allVersions, Optional<String> from, boolean fromInclusive, Optional<String> to,
            boolean toInclusive, Optional<Long> fixedFirmwareId) {}

    /** A draft that passed every check, normalised. */
    record Checked(String title, String description, Optional<String> cve, Optional<String> jvn, Optional<String> jvndb,
            Optional<String> cwe, Optional<CvssScore> cvss31, Optional<CvssScore> cvss40, RecordStatus status,
            Optional<Justification> justification, List<Range> affected, boolean embargoed,
            Optional<LocalDate> embargoUntil, boolean published) {}

    private final CatalogueLookup catalogue;

    RecordRules(CatalogueLookup catalogue) {
        this.catalogue = catalogue;
    }

    /** The checked record; empty when {@code problems} (to which every problem found is added) is not empty. */
    Optional<Checked> check(long organisationId, RecordDraft d, LocalDate today, List<Problem> problems) {
        String title = text(d.title());
        if (title.isEmpty()) {
            problems.add(new Problem("/title", "is required"));
        } else if (title.length() > 300) {
            problems.add(new Problem("/title", title.length() + " characters; at most 300"));
        }
        Optional<String> cve = id(problems, "/cve", d.cve(), Identifiers::cveProblem);
        Optional<String> jvn = id(problems, "/jvn", d.jvn(), Identifiers::jvnProblem);
        Optional<String> jvndb = id(problems, "/jvndb", d.jvndb(), Identifiers::jvndbProblem);
        Optional<String> cwe = id(problems, "/cwe", d.cwe(), Identifiers::cweProblem);
        Optional<CvssScore> cvss31 = cvss(problems, "/cvss31", "3.1", d.cvss31());
        Optional<CvssScore> cvss40 = cvss(problems, "/cvss40", "4.0", d.cvss40());
        Optional<RecordStatus> status = RecordStatus.fromCode(d.status());
        if (status.isEmpty()) {
            problems.add(new Problem("/status", "'" + d.status() + "' is not a status (under-investigation, affected, "
                    + "not-affected, fix-planned, fixed)"));
        }
        Optional<Justification> justification = justification(problems, status, text(d.justification()));
        List<Range> affected = affected(organisationId, d.affected(), problems);
        status.ifPresent(s -> {
            if (s.namesAffectedProducts() && d.affected().isEmpty()) {
                problems.add(new Problem("/affected", "a record that is " + s.code() + " names at least one affected product"));
            }
            if (s == RecordStatus.FIXED && d.affected().stream().allMatch(a -> a.fixedIn().isEmpty())) {
                problems.add(new Problem("/affected", "a fixed record names the fixing firmware (fixedIn) of at least one product"));
            }
        });
        if (d.embargoUntil().isPresent() && !d.embargoed()) {
            problems.add(new Problem("/embargoUntil", "an embargo date needs the embargo flag (embargoed: true)"));
        }
        boolean published = switch (text(d.publication())) {
            case "published" -> true;
            case "draft", "" -> false;
            default -> {
                problems.add(new Problem("/publication", "'" + d.publication() + "' is not draft or published"));
                yield false;
            }
        };
        boolean underEmbargo = d.embargoed() && d.embargoUntil().map(u -> !today.isAfter(u)).orElse(true);
        if (published && underEmbargo) {
            problems.add(new Problem("/publication", "the record is under embargo"
                    + d.embargoUntil().map(u -> " until " + u).orElse("") + "; lift the embargo before publishing"));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(title, text(d.description()), cve, jvn, jvndb, cwe, cvss31, cvss40, status.orElseThrow(),
                justification, affected, d.embargoed(), d.embargoUntil(), published));
    }

    private Optional<Justification> justification(List<Problem> problems, Optional<RecordStatus> status, String given) {
        boolean notAffected = status.map(s -> s == RecordStatus.NOT_AFFECTED).orElse(false);
        if (!notAffected) {
            if (!given.isEmpty()) {
                problems.add(new Problem("/justification", "a justification belongs to a not-affected record only"));
            }
            return Optional.empty();
        }
        Optional<Justification> j = Justification.fromCode(given);
        if (j.isEmpty()) {
            problems.add(new Problem("/justification", (given.isEmpty() ? "is required for a not-affected record"
                    : "'" + given + "' is not a CSAF justification") + " (component_not_present, "
                    + "vulnerable_code_not_present, vulnerable_code_not_in_execute_path, "
                    + "vulnerable_code_cannot_be_controlled_by_adversary, inline_mitigations_already_exist)"));
        }
        return j;
    }

    private List<Range> affected(long organisationId, List<AffectedRange> ranges, List<Problem> problems) {
        List<Range> resolved = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            AffectedRange a = ranges.get(i);
            String at = "/affected/" + i;
            String model = text(a.product());
            Optional<Long> product = model.isEmpty() ? Optional.empty() : catalogue.productId(organisationId, model);
            if (model.isEmpty()) {
                problems.add(new Problem(at + "/product", "is required (a model number of your catalogue)"));
            } else if (product.isEmpty()) {
                problems.add(new Problem(at + "/product", "'" + model + "' is not a model number in your catalogue"));
            }
            Optional<String> from = a.from().map(String::strip).filter(v -> !v.isEmpty());
            Optional<String> to = a.to().map(String::strip).filter(v -> !v.isEmpty());
            if (a.allVersions() && (from.isPresent() || to.isPresent())) {
                problems.add(new Problem(at, "give either allVersions or a version range, not both"));
            } else if (!a.allVersions() && from.isEmpty() && to.isEmpty()) {
                problems.add(new Problem(at, "give a version range (from and/or to) or allVersions"));
            }
            Optional<String> fixedIn = a.fixedIn().map(String::strip).filter(v -> !v.isEmpty());
            Optional<Long> firmware = product.flatMap(p -> fixedIn.flatMap(v -> catalogue.firmwareId(organisationId, p, v)));
            if (product.isPresent() && fixedIn.isPresent() && firmware.isEmpty()) {
                problems.add(new Problem(at + "/fixedIn", "firmware '" + fixedIn.get() + "' of " + model
                        + " is not in your catalogue"));
            }
            product.ifPresent(p -> resolved.add(new Range(p, a.allVersions(), from, a.fromInclusive(), to,
                    a.toInclusive(), firmware)));
        }
        return resolved;
    }

    private static Optional<String> id(List<Problem> problems, String pointer, String raw,
            Function<String, Optional<String>> rule) {
        Optional<String> id = Identifiers.normalise(raw);
        id.flatMap(rule).ifPresent(p -> problems.add(new Problem(pointer, p)));
        return id;
    }

    private static Optional<CvssScore> cvss(List<Problem> problems, String pointer, String version, String raw) {
        if (text(raw).isEmpty()) {
            return Optional.empty();
        }
        CvssScore.Reading reading = version.equals("3.1") ? CvssScore.v31(raw) : CvssScore.v40(raw);
        if (reading instanceof CvssScore.Invalid invalid) {
            problems.add(new Problem(pointer, "invalid CVSS " + version + " vector: " + invalid.detail()));
            return Optional.empty();
        }
        return Optional.of(((CvssScore.Scored) reading).score());
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
