package jp.renkei.server.quarantine.internal;

/** Ledger rows were written in this transaction; after commit the dispatcher runs at once. */
public record EnforcementQueued(long organisationId) {}
