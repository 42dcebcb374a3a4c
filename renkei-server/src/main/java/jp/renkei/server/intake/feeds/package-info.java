/**
 * Feeds and their collectors (part of the intake module). A feed is one source of device reports
 * of one organisation: uploads, REST, a watched folder, an IMAP mailbox or an HTTPS URL. Every
 * collector spools what it receives into a {@code processing/} folder and registers it in the
 * delivery ledger before acknowledging it at the source; {@link jp.renkei.server.intake.feeds.DeliveryIntake}
 * then imports each file once per content hash and keeps it until its import run is recorded, so
 * a killed import is redone at startup and nothing is lost or taken twice.
 */
package jp.renkei.server.intake.feeds;
