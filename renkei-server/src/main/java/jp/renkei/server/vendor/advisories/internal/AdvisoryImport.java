package jp.renkei.server.vendor.advisories.internal;

import java.util.Locale;

import jp.renkei.core.csaf.Advisory;
import jp.renkei.core.csaf.CsafImport;
import jp.renkei.core.csaf.CsafReader;
import jp.renkei.core.csaf.DocumentMetadata;
import jp.renkei.core.csaf.Tlp;
import jp.renkei.server.vendor.advisories.AdvisorySave;
import jp.renkei.server.vendor.psirt.Problem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports another party's CSAF document: it must pass the bundled schema and every mandatory test; it is
 * stored byte for byte, read-only, with the parts Renkei's model does not hold listed.
 */
@Component
class AdvisoryImport {

    private final AdvisoryStore store;

    AdvisoryImport(AdvisoryStore store) {
        this.store = store;
    }

    @Transactional
    AdvisorySave importDocument(long organisationId, String actor, byte[] json) {
        CsafImport read = CsafReader.read(json);
        if (read instanceof CsafImport.Rejected rejected) {
            return new AdvisorySave.Invalid(rejected.findings().stream()
                    .map(f -> new Problem(f.pointer(), f.test() + ": " + f.message())).toList());
        }
        CsafImport.Imported imported = (CsafImport.Imported) read;
        Advisory advisory = imported.advisory();
        DocumentMetadata d = advisory.document();
        long id = store.upsertImported(organisationId, actor, new AdvisoryStore.ImportedFields(d.tracking().id(),
                d.title(), d.lang().orElse(""), d.tlp().map(Tlp::label), d.tracking().status().name()
                        .toLowerCase(Locale.ROOT), d.tracking().version(), d.tracking().initialReleaseDate(),
                d.tracking().currentReleaseDate(), imported.unmodelled()), json);
        return new AdvisorySave.Saved(store.find(organisationId, id).orElseThrow());
    }
}
