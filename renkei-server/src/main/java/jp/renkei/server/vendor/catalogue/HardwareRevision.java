package jp.renkei.server.vendor.catalogue;

/** A hardware revision of a product (e.g. {@code B}); firmware may differ per revision. */
public record HardwareRevision(long id, long productId, String revision) {
}
