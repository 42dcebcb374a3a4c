package jp.renkei.server.notify.internal;

import jp.renkei.core.Language;

/** Subject and body of a notice, fixed at composition so retries send the same words. */
record ComposedNotice(Language language, String subject, String body) {}
