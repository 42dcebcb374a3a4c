-- The general mail outbox (notify): any module's mail to one recipient, composed once and stored
-- in the caller's transaction. The unique (organisation, dedup key) keeps a retried request from
-- enqueuing a second copy; the dispatcher sends and marks each row exactly as for case notices.
create table outbound_mail (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    dedup_key        text not null,
    recipient        text not null,
    language         text not null check (language in ('ja', 'en')),
    subject          text not null,
    body             text not null,
    state            text not null check (state in ('pending', 'sent', 'failed')),
    attempts         integer not null default 0,
    last_error       text,
    next_attempt_at  timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    sent_at          timestamptz,
    unique (organisation_id, dedup_key)
);
create index outbound_mail_due on outbound_mail (next_attempt_at) where state = 'pending';
