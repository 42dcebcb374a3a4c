package jp.renkei.server.notify.internal;

/** A pending notice was stored; after commit it is worth trying to send at once. */
record NoticeQueued(long organisationId, long noticeId) {}
