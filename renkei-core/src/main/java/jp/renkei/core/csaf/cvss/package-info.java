/**
 * CVSS for CSAF: {@link jp.renkei.core.csaf.cvss.Cvss3} (v3.0 and v3.1 base, temporal and environmental
 * scores) and {@link jp.renkei.core.csaf.cvss.Cvss2}, both checked against FIRST's calculators, and
 * {@link jp.renkei.core.csaf.cvss.Cvss4Vector}, the syntax of v4.0 vectors, which CSAF 2.0 can only carry
 * in a note.
 */
package jp.renkei.core.csaf.cvss;
