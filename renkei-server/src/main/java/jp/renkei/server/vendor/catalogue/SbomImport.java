package jp.renkei.server.vendor.catalogue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jp.renkei.core.Sha256;
import jp.renkei.core.sbom.CycloneDxReader;
import jp.renkei.core.sbom.SbomNote;
import jp.renkei.core.sbom.SbomReading;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportTally;
import jp.renkei.server.vendor.catalogue.internal.CatalogueStore;
import jp.renkei.server.vendor.catalogue.internal.CatalogueKeys;
import jp.renkei.server.vendor.catalogue.internal.SbomStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a firmware's CycloneDX SBOM: the one use case behind {@code POST /api/v1/sboms} and the
 * upload on the firmware page. The product and firmware are created when missing; the same file
 * again changes nothing; a different file replaces the firmware's components and is matched at
 * once. Every upload is written to the import log (kind {@value #KIND}), its notes as alarms.
 */
@Service
public class SbomImport {

    /** Kind under which uploads appear in the import log. */
    public static final String KIND = "sbom";

    private final CatalogueStore catalogue;
    private final SbomStore sboms;
    private final Findings findings;
    private final ImportLog importLog;
    private final TransactionTemplate transaction;

    SbomImport(CatalogueStore catalogue, SbomStore sboms, Findings findings, ImportLog importLog,
            PlatformTransactionManager tx) {
        this.catalogue = catalogue;
        this.sboms = sboms;
        this.findings = findings;
        this.importLog = importLog;
        this.transaction = new TransactionTemplate(tx);
    }

    /** Validates, stores and matches one SBOM file for {@code modelNumber} firmware {@code version}. */
    public SbomOutcome importSbom(long organisationId, String actor, String modelNumber, String version,
            String fileName, byte[] content) {
        Optional<String> problem = CatalogueKeys.problem("product (model number)", modelNumber);
        if (problem.isPresent()) {
            return new SbomOutcome.BadParameter("product", problem.get());
        }
        problem = CatalogueKeys.problem("firmware (version)", version);
        if (problem.isPresent()) {
            return new SbomOutcome.BadParameter("firmware", problem.get());
        }
        SbomReading reading = CycloneDxReader.read(fileName, content);
        if (reading instanceof SbomReading.Invalid invalid) {
            return new SbomOutcome.Refused(invalid);
        }
        SbomReading.Read read = (SbomReading.Read) reading;
        String sha256 = HexFormat.of().formatHex(Sha256.newDigest().digest(content));
        Instant started = Instant.now();
        return transaction.execute(status -> {
            Product product = catalogue.ensureProduct(organisationId, modelNumber.strip());
            Firmware firmware = catalogue.ensureFirmware(organisationId, product.id(), version.strip());
            catalogue.lockFirmware(organisationId, firmware.id());
            boolean unchanged = sboms.sbom(organisationId, firmware.id())
                    .filter(s -> s.contentSha256().equals(sha256)).isPresent();
            int components = read.sbom().components().size();
            ImportTally tally = new ImportTally();
            read.notes().forEach((SbomNote n) -> tally.alarm(n.kind().code(), n.location() + ": " + n.reason()));
            if (unchanged) {
                tally.duplicates(components);
            } else {
                tally.accepted(components);
                sboms.replace(organisationId, firmware.id(), actor, fileName, sha256, read.format(), read.sbom(),
                        read.notes());
            }
            long run = importLog.record(organisationId, actor, KIND, "cyclonedx-" + read.format().name()
                    .toLowerCase(java.util.Locale.ROOT), fileName, sha256, started, tally);
            if (!unchanged) {
                findings.rematch(organisationId, firmware.id(), FindingChange.SBOM, Optional.of(run));
            }
            return new SbomOutcome.Imported(product, firmware, components, findings.of(organisationId, firmware),
                    read.notes(), unchanged);
        });
    }
}
