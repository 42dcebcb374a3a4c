package jp.renkei.server.vendor.advisories.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.renkei.core.Language;
import jp.renkei.core.csaf.Flag;
import jp.renkei.core.csaf.Note;
import jp.renkei.core.csaf.Publisher;
import jp.renkei.core.csaf.Reference;
import jp.renkei.core.csaf.Tlp;
import jp.renkei.core.csaf.Tracking;
import jp.renkei.core.csaf.authoring.AdvisoryInput;
import jp.renkei.core.csaf.authoring.FirmwareRef;
import jp.renkei.core.csaf.authoring.FirmwareStatus;
import jp.renkei.core.csaf.authoring.ProductCatalogue;
import jp.renkei.core.csaf.authoring.RemediationInput;
import jp.renkei.core.csaf.authoring.VulnerabilityInput;
import jp.renkei.core.csaf.provider.ProviderLayout;
import jp.renkei.core.csaf.validation.CweCatalogue;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.psirt.AffectedProduct;
import jp.renkei.server.vendor.psirt.RecordStatus;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;

/**
 * Turns an advisory's records and the catalogue into the core's {@link AdvisoryInput}: each record's
 * affected ranges evaluated over the catalogue's firmware list give the statuses; the fixing firmware
 * gives a vendor fix; the PSIRT's workaround and mitigation apply to every affected firmware; affected
 * firmware of a supported model without either gets "none available" (end-of-life models get the core's
 * "no fix planned" with the advice to replace). It also says, per model, what owners should do.
 */
final class AdvisoryComposer {

    /** What owners of one affected model are told: update to one of these versions, or replace an end-of-life model. */
    record ModelAdvice(String modelNumber, String name, Set<String> fixVersions, Optional<LocalDate> endOfSupport,
            boolean endOfLife) {}

    /** The input for the core, and the advice per affected model (model number → advice). */
    record Composition(AdvisoryInput input, Map<String, ModelAdvice> advice) {}

    /** Who publishes, and where the document will be served. */
    record Issuer(Publisher publisher, URI providerBase) {}

    private AdvisoryComposer() {}

    static Composition compose(Issuer issuer, VendorAdvisory advisory, List<VulnerabilityRecord> records,
            Map<Long, CatalogueModels.Model> models, Tracking.Status status, List<Tracking.Revision> revisions,
            Instant now) {
        Language language = Language.fromCode(advisory.language());
        boolean ja = language == Language.JA;
        LocalDate releaseDay = LocalDate.ofInstant(revisions.get(revisions.size() - 1).date(), ZoneOffset.UTC);
        Map<String, ModelAdvice> advice = new LinkedHashMap<>();
        List<VulnerabilityInput> vulnerabilities = new ArrayList<>();
        for (VulnerabilityRecord r : records) {
            vulnerabilities.add(vulnerability(r, advisory, models, ja, releaseDay, advice));
        }
        Set<Long> used = new LinkedHashSet<>();
        records.forEach(r -> r.affected().forEach(a -> used.add(a.productId())));
        List<ProductCatalogue.Model> catalogue = used.stream().map(models::get).map(m -> new ProductCatalogue.Model(
                m.modelNumber(), m.name(), m.endOfSupport(), Optional.empty(),
                m.firmware().stream().map(ProductCatalogue.Firmware::of).toList())).toList();

        Tlp tlp = Tlp.valueOf(advisory.tlp().orElseThrow());
        URI self = ProviderLayout.documentUrl(issuer.providerBase(), tlp, revisions.get(0).date(), advisory.trackingId());
        String summary = advisory.summary().isBlank() ? advisory.title() : advisory.summary();
        List<Note> notes = List.of(Note.of(Note.Category.SUMMARY, ja ? "概要" : "Summary", summary));
        List<Reference> references = List.of(new Reference(Reference.Category.SELF, self,
                ja ? "この文書の CSAF 形式の版" : "This document in CSAF format"));
        AdvisoryInput input = new AdvisoryInput(advisory.trackingId(), advisory.title(), language, Optional.empty(),
                issuer.publisher(), tlp, status, revisions, notes, references,
                new ProductCatalogue(issuer.publisher().name(), catalogue), vulnerabilities, now);
        return new Composition(input, advice);
    }

    private static VulnerabilityInput vulnerability(VulnerabilityRecord r, VendorAdvisory advisory,
            Map<Long, CatalogueModels.Model> models, boolean ja, LocalDate releaseDay, Map<String, ModelAdvice> advice) {
        VulnerabilityInput v = VulnerabilityInput.of(r.title(), r.description().isBlank() ? r.title() : r.description());
        if (r.cve().isPresent()) {
            v = v.withCve(r.cve().get());
        }
        if (r.jvn().isPresent()) {
            v = v.withId("JVN", r.jvn().get());
        }
        if (r.jvndb().isPresent()) {
            v = v.withId("JVN iPedia", r.jvndb().get());
        }
        if (r.cwe().isPresent()) {
            // An id MITRE does not list keeps its id as name, so mandatory test 6.1.11 reports it with its path.
            v = v.withCwe(r.cwe().get(), CweCatalogue.name(r.cwe().get()).orElse(r.cwe().get()));
        }
        if (r.cvss31().isPresent()) {
            v = v.withCvssV3(r.cvss31().get().vector());
        }
        if (r.cvss40().isPresent()) {
            v = v.withCvssV4(r.cvss40().get().vector(), Optional.of(r.cvss40().get().baseScore()));
        }
        List<FirmwareRef> affected = new ArrayList<>();
        List<FirmwareRef> unfixed = new ArrayList<>();
        for (AffectedProduct a : r.affected()) {
            CatalogueModels.Model model = models.get(a.productId());
            List<FirmwareRef> inRange = new ArrayList<>();
            for (String version : model.firmware()) {
                Optional<FirmwareStatus> s = status(r, a, model.modelNumber(), version);
                if (s.isPresent()) {
                    v = v.withStatus(s.get());
                    if (s.get().state() == FirmwareStatus.State.AFFECTED) {
                        inRange.add(s.get().firmware());
                    }
                }
            }
            affected.addAll(inRange);
            if (inRange.isEmpty()) {
                continue;
            }
            boolean endOfLife = model.endOfSupport().filter(d -> d.isBefore(releaseDay)).isPresent();
            ModelAdvice earlier = advice.getOrDefault(model.modelNumber(), new ModelAdvice(model.modelNumber(),
                    model.name(), new LinkedHashSet<>(), model.endOfSupport(), endOfLife));
            advice.put(model.modelNumber(), earlier);
            if (a.fixedIn().isPresent()) {
                String fix = a.fixedIn().get();
                earlier.fixVersions().add(fix);
                v = v.withRemediation(new RemediationInput.VendorFix(new FirmwareRef(model.modelNumber(), fix), inRange,
                        ja ? "ファームウェアを " + fix + " 以降に更新してください。" : "Update the firmware to " + fix + " or later.",
                        Optional.empty()));
            } else if (!endOfLife) {
                unfixed.addAll(inRange);
            }
        }
        if (!affected.isEmpty() && !advisory.workaround().isBlank()) {
            v = v.withRemediation(new RemediationInput.Workaround(advisory.workaround(), affected));
        }
        if (!affected.isEmpty() && !advisory.mitigation().isBlank()) {
            v = v.withRemediation(new RemediationInput.Mitigation(advisory.mitigation(), affected));
        }
        if (!unfixed.isEmpty() && advisory.workaround().isBlank() && advisory.mitigation().isBlank()) {
            v = v.withRemediation(new RemediationInput.NoneAvailable(r.status() == RecordStatus.FIX_PLANNED
                    ? (ja ? "修正ファームウェアを準備中です。" : "A fixed firmware is being prepared.")
                    : (ja ? "現時点で修正ファームウェアはありません。" : "No fixed firmware is available yet."), unfixed));
        }
        return v;
    }

    /** What the record says about one firmware of an affected product; empty when it says nothing. */
    private static Optional<FirmwareStatus> status(VulnerabilityRecord r, AffectedProduct a, String model, String version) {
        if (a.fixedIn().isPresent()) {
            int c = FirmwareOrder.INSTANCE.compare(version, a.fixedIn().get());
            if (c == 0) {
                return Optional.of(FirmwareStatus.firstFixed(model, version));
            }
            if (c > 0) {
                return Optional.of(FirmwareStatus.fixed(model, version));
            }
        }
        if (!inRange(a, version)) {
            return Optional.empty();
        }
        return Optional.of(switch (r.status()) {
            case AFFECTED, FIX_PLANNED, FIXED -> FirmwareStatus.affected(model, version);
            case UNDER_INVESTIGATION -> FirmwareStatus.underInvestigation(model, version);
            case NOT_AFFECTED -> FirmwareStatus.notAffected(model, version,
                    Flag.Label.valueOf(r.justification().orElseThrow().name()));
        });
    }

    private static boolean inRange(AffectedProduct a, String version) {
        if (a.allVersions()) {
            return true;
        }
        boolean above = a.from().map(f -> {
            int c = FirmwareOrder.INSTANCE.compare(version, f);
            return a.fromInclusive() ? c >= 0 : c > 0;
        }).orElse(true);
        boolean below = a.to().map(t -> {
            int c = FirmwareOrder.INSTANCE.compare(version, t);
            return a.toInclusive() ? c <= 0 : c < 0;
        }).orElse(true);
        return above && below;
    }
}
