package jp.renkei.server.notify.internal;

/** A mail was stored in the general outbox; after commit it is worth trying to send at once. */
record MailQueued(long organisationId, long mailId) {}
