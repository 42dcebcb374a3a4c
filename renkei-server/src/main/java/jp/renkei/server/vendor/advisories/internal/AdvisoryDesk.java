package jp.renkei.server.vendor.advisories.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.renkei.core.csaf.Tlp;
import jp.renkei.core.csaf.Tracking;
import jp.renkei.core.csaf.authoring.AdvisoryAuthoring;
import jp.renkei.core.csaf.authoring.AuthoringResult;
import jp.renkei.server.vendor.advisories.Advisories;
import jp.renkei.server.vendor.advisories.AdvisoryCheck;
import jp.renkei.server.vendor.advisories.AdvisoryDraft;
import jp.renkei.server.vendor.advisories.AdvisorySave;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.advisories.internal.AdvisoryComposer.Composition;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.ContactPoints;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Authoring, checking and publishing a vendor's advisories (imports are {@link AdvisoryImport}'s). */
@Service
class AdvisoryDesk implements Advisories {

    /** How the core words a validation finding: {@code <test> at '<pointer>': <message>}. */
    private static final Pattern FINDING = Pattern.compile("(\\S+) at '([^']*)': (.*)", Pattern.DOTALL);

    private final AdvisoryStore store;
    private final VulnerabilityRecords records;
    private final CatalogueModels catalogue;
    private final ContactPoints contacts;
    private final ProviderDirectory provider;
    private final OwnerDesk owners;
    private final AdvisoryImport imports;

    AdvisoryDesk(AdvisoryStore store, VulnerabilityRecords records, CatalogueModels catalogue, ContactPoints contacts,
            ProviderDirectory provider, OwnerDesk owners, AdvisoryImport imports) {
        this.store = store;
        this.records = records;
        this.catalogue = catalogue;
        this.contacts = contacts;
        this.provider = provider;
        this.owners = owners;
        this.imports = imports;
    }

    @Override
    @Transactional
    public AdvisorySave create(long organisationId, String actor, AdvisoryDraft d) {
        List<Problem> problems = new ArrayList<>();
        if (d.recordIds().isEmpty()) {
            problems.add(new Problem("/records", "name at least one vulnerability record"));
        }
        Set<Long> seen = new LinkedHashSet<>();
        for (int i = 0; i < d.recordIds().size(); i++) {
            long id = d.recordIds().get(i);
            if (!seen.add(id)) {
                problems.add(new Problem("/records/" + i, "record #" + id + " is named twice"));
            } else if (records.find(organisationId, id).isEmpty()) {
                problems.add(new Problem("/records/" + i, "there is no vulnerability record #" + id));
            }
        }
        String title = text(d.title());
        if (title.isEmpty()) {
            problems.add(new Problem("/title", "the title is empty"));
        }
        String language = text(d.language()).toLowerCase(Locale.ROOT);
        if (!language.equals("ja") && !language.equals("en")) {
            problems.add(new Problem("/language", "'" + d.language() + "' is not a language (ja or en)"));
        }
        Optional<Tlp> tlp = tlp(d.tlp());
        if (tlp.isEmpty()) {
            problems.add(new Problem("/tlp", "'" + d.tlp() + "' is not a TLP label (CLEAR or WHITE, GREEN, AMBER, RED)"));
        }
        if (!problems.isEmpty()) {
            return new AdvisorySave.Invalid(problems);
        }
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        String trackingId = "RK-SA-%d-%04d".formatted(year, store.nextNumber(organisationId, year));
        long id = store.insertDraft(organisationId, actor, trackingId, title, language, tlp.get().label(),
                text(d.summary()), text(d.workaround()), text(d.mitigation()), List.copyOf(seen));
        return new AdvisorySave.Saved(store.find(organisationId, id).orElseThrow());
    }

    @Override
    public Optional<VendorAdvisory> find(long organisationId, long advisoryId) {
        return store.find(organisationId, advisoryId);
    }

    @Override
    public List<VendorAdvisory> list(long organisationId) {
        return store.list(organisationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AdvisoryCheck> check(long organisationId, long advisoryId) {
        Optional<VendorAdvisory> advisory = store.find(organisationId, advisoryId);
        if (advisory.isEmpty()) {
            return Optional.empty();
        }
        if (advisory.get().published()) {
            return store.document(organisationId, advisoryId).map(AdvisoryCheck.Valid::new);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Problem> problems = new ArrayList<>();
        List<VulnerabilityRecord> covered = covered(organisationId, advisory.get(), problems);
        if (!problems.isEmpty()) {
            return Optional.of(new AdvisoryCheck.Findings(problems));
        }
        // The first publication, as it would be now.
        return Optional.of(author(organisationId, advisory.get(), covered, Tracking.Status.FINAL,
                List.of(new Tracking.Revision(now, "1", summary(advisory.get(), ""))), now).check());
    }

    @Override
    @Transactional
    public AdvisorySave publish(long organisationId, long advisoryId, String actor, String status, String revisionSummary) {
        Optional<VendorAdvisory> found = store.find(organisationId, advisoryId);
        if (found.isEmpty()) {
            return new AdvisorySave.NotFound();
        }
        VendorAdvisory advisory = found.get();
        List<Problem> problems = new ArrayList<>();
        if (advisory.origin() == VendorAdvisory.Origin.IMPORTED) {
            return new AdvisorySave.Invalid(List.of(new Problem("/origin", "an imported advisory is read-only")));
        }
        Optional<Tracking.Status> csafStatus = switch (text(status).toLowerCase(Locale.ROOT)) {
            case "final" -> Optional.of(Tracking.Status.FINAL);
            case "interim" -> Optional.of(Tracking.Status.INTERIM);
            default -> Optional.empty();
        };
        if (csafStatus.isEmpty()) {
            problems.add(new Problem("/status", "'" + status + "' is not a publication status (interim or final)"));
        }
        List<VulnerabilityRecord> covered = covered(organisationId, advisory, problems);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < covered.size(); i++) {
            VulnerabilityRecord r = covered.get(i);
            if (r.underEmbargo(today)) {
                problems.add(new Problem("/records/" + i, r.label() + " is under embargo"
                        + r.embargoUntil().map(u -> " until " + u).orElse("") + "; it cannot be published before"));
            }
        }
        if (!problems.isEmpty()) {
            return new AdvisorySave.Invalid(problems);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Tracking.Revision> revisions = new ArrayList<>(store.revisions(organisationId, advisoryId));
        Tracking.Revision revision = new Tracking.Revision(now, String.valueOf(revisions.size() + 1),
                summary(advisory, text(revisionSummary)));
        revisions.add(revision);
        Authored authored = author(organisationId, advisory, covered, csafStatus.get(), revisions, now);
        if (authored.check() instanceof AdvisoryCheck.Findings f) {
            return new AdvisorySave.Invalid(f.problems());
        }
        byte[] json = ((AdvisoryCheck.Valid) authored.check()).json();
        store.publish(organisationId, advisoryId, actor, csafStatus.get().name().toLowerCase(Locale.ROOT), revision, json);
        VendorAdvisory published = store.find(organisationId, advisoryId).orElseThrow();
        if (published.publicLabel()) {
            owners.tell(contact(organisationId), published, authored.composition().advice());
        }
        return new AdvisorySave.Saved(published);
    }

    @Override
    public AdvisorySave importDocument(long organisationId, String actor, byte[] json) {
        return imports.importDocument(organisationId, actor, json);
    }

    @Override
    public List<VendorAdvisory> publicList(long organisationId) {
        return store.publicList(organisationId);
    }

    @Override
    public Optional<byte[]> publishedDocument(long organisationId, long advisoryId) {
        return store.document(organisationId, advisoryId);
    }

    /** The composition and the core's verdict on it. */
    private record Authored(Composition composition, AdvisoryCheck check) {}

    private Authored author(long organisationId, VendorAdvisory advisory, List<VulnerabilityRecord> covered,
            Tracking.Status status, List<Tracking.Revision> revisions, Instant now) {
        ContactPoint vendor = contact(organisationId);
        Set<Long> productIds = new LinkedHashSet<>();
        covered.forEach(r -> r.affected().forEach(a -> productIds.add(a.productId())));
        Composition composition = AdvisoryComposer.compose(
                new AdvisoryComposer.Issuer(provider.publisher(vendor), provider.canonicalBase(vendor)), advisory, covered,
                catalogue.byId(organisationId, productIds), status, revisions, now);
        AuthoringResult result = AdvisoryAuthoring.author(composition.input());
        AdvisoryCheck check = result instanceof AuthoringResult.Authored a ? new AdvisoryCheck.Valid(a.json())
                : new AdvisoryCheck.Findings(((AuthoringResult.Refused) result).problems().stream()
                        .map(AdvisoryDesk::problem).toList());
        return new Authored(composition, check);
    }

    /** The advisory's records as they stand now; a record that disappeared is a problem. */
    private List<VulnerabilityRecord> covered(long organisationId, VendorAdvisory advisory, List<Problem> problems) {
        List<VulnerabilityRecord> covered = new ArrayList<>();
        for (int i = 0; i < advisory.recordIds().size(); i++) {
            long id = advisory.recordIds().get(i);
            Optional<VulnerabilityRecord> r = records.find(organisationId, id);
            if (r.isEmpty()) {
                problems.add(new Problem("/records/" + i, "there is no vulnerability record #" + id));
            } else {
                covered.add(r.get());
            }
        }
        return covered;
    }

    private ContactPoint contact(long organisationId) {
        return contacts.of(organisationId).orElseThrow(() -> new IllegalStateException(
                "organisation " + organisationId + " is not a vendor"));
    }

    private static String summary(VendorAdvisory advisory, String given) {
        if (!given.isEmpty()) {
            return given;
        }
        boolean ja = "ja".equals(advisory.language());
        return advisory.version().equals("0") ? (ja ? "初版公開" : "Initial public release.")
                : (ja ? "更新" : "Updated.");
    }

    /** A core finding keeps its JSON pointer; any other authoring problem names the input part in its text. */
    static Problem problem(String text) {
        Matcher m = FINDING.matcher(text);
        return m.matches() ? new Problem(m.group(2), m.group(1) + ": " + m.group(3)) : new Problem("", text);
    }

    static Optional<Tlp> tlp(String label) {
        String l = text(label).toUpperCase(Locale.ROOT);
        if (l.equals("CLEAR")) {
            return Optional.of(Tlp.WHITE);
        }
        try {
            return Optional.of(Tlp.valueOf(l));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
