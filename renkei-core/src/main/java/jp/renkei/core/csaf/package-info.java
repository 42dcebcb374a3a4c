/**
 * CSAF 2.0 advisories (OASIS Common Security Advisory Framework): the {@link jp.renkei.core.csaf.Advisory}
 * model, {@link jp.renkei.core.csaf.CsafWriter} to {@link jp.renkei.core.csaf.CanonicalJson} (sorted keys,
 * stable bytes for hashes) and {@link jp.renkei.core.csaf.CsafReader} for other parties' documents, which
 * rejects invalid ones with JSON pointers and lists the parts the model does not hold. Sub-packages:
 * {@code authoring} (an advisory from the catalogue and vulnerability records), {@code validation} (the
 * bundled schemas and every mandatory test of section 6.1), {@code cvss} (v2/v3.x scores, v4.0 syntax)
 * and {@code provider} (the files a CSAF provider serves). Jackson 2 ({@code com.fasterxml}) is the JSON
 * library here; nothing needs a database or the network.
 */
package jp.renkei.core.csaf;
