-- Notice channels beyond e-mail: each ISP's settings for SMS, LINE and letters, letter batches,
-- and what support staff heard when they called.

-- One row per organisation. A channel with no settings is "not configured": its notices are stored
-- as failed with that reason. Tokens and gateway headers are secrets: the page shows only their tails.
create table notify_channel_settings (
    organisation_id     bigint primary key references organisation (id),
    sms_url             text not null default '',
    sms_method          text not null default 'POST' check (sms_method in ('POST', 'PUT', 'GET')),
    sms_headers         text not null default '',      -- "Name: value" lines
    sms_body_template   text not null default '',      -- placeholders {to} {text} {reference}
    sms_content_type    text not null default 'application/json',
    line_base_url       text not null default 'https://api.line.me',
    line_access_token   text not null default '',
    letter_sender       text not null default '',      -- return address and sender line, printed on every letter
    updated_by          text not null,
    updated_at          timestamptz not null
);

-- A printed mailing: the pending letter notices gathered into one PDF (one letter per page).
create table letter_batch (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    letters          integer not null,
    pdf              bytea not null,
    created_by       text not null,
    created_at       timestamptz not null
);
create index letter_batch_org on letter_batch (organisation_id, created_at desc);

alter table notice add column letter_batch_id bigint references letter_batch (id);
create index notice_letter_batch on notice (organisation_id, letter_batch_id) where letter_batch_id is not null;
-- Letters and call-list entries wait for staff, never for the dispatcher.
create index notice_waiting_for_staff on notice (organisation_id, channel, created_at) where state = 'pending';

-- Every call support staff made for a call-list entry: reached marks the notice sent,
-- a wrong number marks it failed, no answer leaves it on the list.
create table call_outcome (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    notice_id        bigint not null references notice (id),
    outcome          text not null check (outcome in ('reached', 'no-answer', 'wrong-number')),
    note             text not null default '',
    recorded_by      text not null,
    recorded_at      timestamptz not null
);
create index call_outcome_notice on call_outcome (organisation_id, notice_id, recorded_at);
