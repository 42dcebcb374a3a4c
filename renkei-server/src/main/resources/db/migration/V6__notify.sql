-- The persistent outbox of notices. A notice is composed once and stored, so a retry after a
-- crash sends exactly the same text; the unique key keeps a case from getting a second first notice.
create table notice (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    channel          text not null check (channel in ('email')),
    purpose          text not null check (purpose in ('first-notice')),
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
    unique (case_id, channel, purpose)
);
create index notice_due on notice (next_attempt_at) where state = 'pending';
create index notice_org_case on notice (organisation_id, case_id);
