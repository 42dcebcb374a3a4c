/**
 * Authoring a CSAF security advisory from plain values: {@link jp.renkei.core.csaf.authoring.AdvisoryInput}
 * (document metadata, a {@link jp.renkei.core.csaf.authoring.ProductCatalogue} extract and
 * {@link jp.renkei.core.csaf.authoring.VulnerabilityInput}s) becomes, through
 * {@link jp.renkei.core.csaf.authoring.AdvisoryAuthoring}, a validated advisory or the list of problems.
 * The product tree is vendor → model → firmware version with {@code installed_on} relationships from
 * firmware to each model it runs on; statuses and remediations name those installed combinations.
 * Texts Renkei writes itself (descriptions' titles, the advice to replace an end-of-life model, the CVSS
 * v4.0 note) are in Japanese or English, the document's language.
 */
package jp.renkei.core.csaf.authoring;
