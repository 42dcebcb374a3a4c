package jp.renkei.server.vendor.psirt.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.RecordDraft;
import jp.renkei.server.vendor.psirt.RecordSave;
import jp.renkei.server.vendor.psirt.RecordStatus;
import jp.renkei.server.vendor.psirt.VulnerabilityRecord;
import jp.renkei.server.vendor.psirt.VulnerabilityRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and updates vulnerability records after {@link RecordRules} has checked them. */
@Service
class RecordDesk implements VulnerabilityRecords {

    private final RecordRules rules;
    private final RecordStore store;
    private final ReportDesk reports;
    private final CatalogueLookup catalogue;
    private final ZoneId zone;

    RecordDesk(RecordRules rules, RecordStore store, ReportDesk reports, CatalogueLookup catalogue,
            @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.rules = rules;
        this.store = store;
        this.reports = reports;
        this.catalogue = catalogue;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @Transactional
    public RecordSave create(long organisationId, String actor, RecordDraft draft) {
        List<Problem> problems = new ArrayList<>();
        Optional<RecordRules.Checked> checked = rules.check(organisationId, draft, LocalDate.now(zone), problems);
        checked.flatMap(c -> c.cve()).flatMap(cve -> store.byCve(organisationId, cve))
                .ifPresent(other -> problems.add(new Problem("/cve", "already the CVE of record #" + other)));
        if (!problems.isEmpty()) {
            return new RecordSave.Invalid(problems);
        }
        long id = store.insert(organisationId, actor, checked.get());
        return new RecordSave.Saved(store.find(organisationId, id).orElseThrow());
    }

    @Override
    @Transactional
    public RecordSave update(long organisationId, long recordId, String actor, RecordDraft draft) {
        if (store.find(organisationId, recordId).isEmpty()) {
            return new RecordSave.NotFound();
        }
        List<Problem> problems = new ArrayList<>();
        Optional<RecordRules.Checked> checked = rules.check(organisationId, draft, LocalDate.now(zone), problems);
        checked.flatMap(c -> c.cve()).flatMap(cve -> store.byCve(organisationId, cve)).filter(other -> other != recordId)
                .ifPresent(other -> problems.add(new Problem("/cve", "already the CVE of record #" + other)));
        if (!problems.isEmpty()) {
            return new RecordSave.Invalid(problems);
        }
        store.update(organisationId, recordId, actor, checked.get());
        if (checked.get().status() == RecordStatus.FIXED) {
            reports.recordFixed(organisationId, recordId, actor);
        }
        return new RecordSave.Saved(store.find(organisationId, recordId).orElseThrow());
    }

    @Override
    public Optional<VulnerabilityRecord> find(long organisationId, long recordId) {
        return store.find(organisationId, recordId);
    }

    @Override
    public List<VulnerabilityRecord> list(long organisationId) {
        return store.list(organisationId);
    }

    @Override
    public List<CatalogueProduct> catalogue(long organisationId) {
        return catalogue.products(organisationId);
    }
}
