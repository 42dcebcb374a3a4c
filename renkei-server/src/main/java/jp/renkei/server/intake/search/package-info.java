/**
 * Observation search and export for operators (part of the intake module): filters by address,
 * prefix, time, kind, device model and feed, always within the caller's organisation, and streams
 * the selection as CSV or IntelMQ JSON lines without the subscriber's identity.
 */
package jp.renkei.server.intake.search;
