package jp.renkei.server.vendor.catalogue;

/** A product as the catalogue list shows it: with how many firmware versions and open findings it has. */
public record ProductOverview(Product product, Lifecycle lifecycle, int firmwareVersions, int openFindings) {
}
