package jp.renkei.server.vendor.psirt;

/** A stored attachment as listed to the PSIRT; the content is fetched separately. */
public record AttachmentInfo(long id, String fileName, String contentType, int sizeBytes, String sha256) {}
