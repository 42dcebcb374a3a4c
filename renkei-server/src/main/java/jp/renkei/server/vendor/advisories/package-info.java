/**
 * Vendor advisories: CSAF 2.0 security advisories authored from the PSIRT's vulnerability records and
 * the catalogue (through the core {@code jp.renkei.core.csaf}), validated before publication, served as
 * a CSAF provider ({@code /.well-known/csaf/…}) and as readable Japanese/English pages; other parties'
 * CSAF documents imported read-only; device owners who registered a model told by mail when an advisory
 * about it is published. Faces are the interfaces and records here; storage in {@code internal}, pages
 * and REST in {@code web}.
 */
package jp.renkei.server.vendor.advisories;
