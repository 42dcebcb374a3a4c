/**
 * Validation of CSAF 2.0 documents: {@link jp.renkei.core.csaf.validation.CsafSchemas} (the official JSON
 * schemas for documents, provider metadata and ROLIE feeds plus FIRST's CVSS schemas, bundled and mapped
 * by id, so no network is used) and {@link jp.renkei.core.csaf.validation.MandatoryTests}, every test of
 * section 6.1 as a small named check returning {@link jp.renkei.core.csaf.validation.Finding}s with
 * JSON pointers. {@link jp.renkei.core.csaf.validation.CsafValidator} runs both.
 */
package jp.renkei.core.csaf.validation;
