package jp.renkei.server.notify.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import jp.renkei.core.Language;
import jp.renkei.server.notify.OutboundMail;
import jp.renkei.server.notify.QueuedMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The general outbox's front door: checks what it is given and stores it in the caller's transaction. */
@Service
class MailOutbox implements OutboundMail {

    // One plain address: no display name, no list, nothing that could smuggle a header line.
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;:\"()\\[\\]]+@[^@\\s<>,;:\"()\\[\\]]+\\.[^@\\s<>,;:\"()\\[\\]]+");

    private final MailOutboxStore store;
    private final ApplicationEventPublisher events;

    MailOutbox(MailOutboxStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override
    @Transactional
    public Optional<Long> enqueue(long organisationId, String dedupKey, String recipient, Language language,
            String subject, String body) {
        String to = recipient == null ? "" : recipient.strip();
        if (!ADDRESS.matcher(to).matches() || to.length() > 254) {
            throw new IllegalArgumentException("recipient '" + recipient + "' is not a plain e-mail address");
        }
        if (dedupKey == null || dedupKey.isBlank() || subject == null || subject.isBlank() || body == null || body.isBlank()) {
            throw new IllegalArgumentException("a mail needs a dedup key, a subject and a body");
        }
        // A subject is one header line whatever the caller composed.
        String oneLine = subject.replaceAll("[\\r\\n]+", " ").strip();
        Optional<Long> id = store.insertPending(organisationId, dedupKey, to, language, oneLine, body);
        id.ifPresent(m -> events.publishEvent(new MailQueued(organisationId, m)));
        return id;
    }

    @Override
    public Optional<QueuedMail> find(long organisationId, String dedupKey) {
        return store.find(organisationId, dedupKey);
    }
}
