package jp.renkei.server.notify.internal;

/** A mail exactly as it goes to the SMTP server; the Message-ID is fixed by the outbox row it came from. */
record OutgoingMail(String recipient, String language, String subject, String body, String messageId) {}
