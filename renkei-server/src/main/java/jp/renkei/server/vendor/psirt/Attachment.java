package jp.renkei.server.vendor.psirt;

/** A file handed in with a report, as received (its type is decided by Renkei, not by the sender). */
public record Attachment(String fileName, byte[] content) {}
