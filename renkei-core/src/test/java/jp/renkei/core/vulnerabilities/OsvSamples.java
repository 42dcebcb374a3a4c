package jp.renkei.core.vulnerabilities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import jp.renkei.core.Samples;
import jp.renkei.core.imports.Parsed;

/** The OSV sample records under {@code samples/osv}, read through {@link OsvReader}. */
final class OsvSamples {

    static final List<String> GOOD = List.of("GHSA-35jh-r3h4-6jhm.json", "GHSA-2xpw-w6gg-jr37.json",
            "DSA-5139-1.json", "GO-2023-1571.json", "GHSA-jfh8-c2jp-5v3q.json", "GHSA-22wj-vf5f-wrvj.json",
            "GHSA-9jwx-wjv4-4v2f.json", "ALPINE-CVE-2023-5363.json");

    private OsvSamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.open("osv/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OsvRecord record(String name) {
        Parsed<OsvRecord> parsed = OsvReader.json(name, bytes(name));
        if (parsed instanceof Parsed.Row<OsvRecord> row) {
            return row.value();
        }
        throw new AssertionError(((Parsed.Rejected<OsvRecord>) parsed).reason());
    }

    static List<OsvRecord> all() {
        return GOOD.stream().map(OsvSamples::record).toList();
    }
}
