package jp.renkei.server.attribution;

/**
 * What the RADIUS accounting server did since it started: for one organisation's clients
 * ({@code accepted} stored and acknowledged, {@code duplicates} retransmissions recognised and not
 * stored again, {@code badAuthenticator} dropped because the secret did not match,
 * {@code malformed} dropped as unreadable, {@code unusable} authentic but naming no session
 * address, acknowledged and not stored, {@code overflow} dropped because the write queue was full
 * — the NAS retransmits), and for the whole server {@code unknownClient}: dropped because no NAS
 * client is registered at the source address (no organisation can be told apart for those).
 */
public record RadiusStatistics(int port, long accepted, long duplicates, long badAuthenticator, long malformed,
                               long unusable, long overflow, long unknownClient) {
}
