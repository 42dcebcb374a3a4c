-- Issue 5 foundations shared by cases, escalation, notify, quarantine and the portal.

-- Case states as the ISP reads them: new (open) -> notified -> acknowledged -> fixed-reported ->
-- verified, or reinfected, or closed-unverified. Old codes are renamed in place.
alter table subscriber_case drop constraint subscriber_case_state_check;
drop index subscriber_case_one_open;
drop index subscriber_case_quiet;
update subscriber_case set state = 'reinfected' where state = 'reopened';
update subscriber_case set state = 'closed-unverified' where state = 'resolved-unverified';
update case_event set kind = 'closed-unverified' where kind = 'resolved-unverified';
alter table subscriber_case add constraint subscriber_case_state_check check (state in
    ('open', 'notified', 'acknowledged', 'fixed-reported', 'verified', 'reinfected', 'closed-unverified'));
alter table subscriber_case add column acknowledged_at timestamptz;
alter table subscriber_case add column verified_at timestamptz;
-- A verified case stays the subscriber's case for the problem: a new sighting reopens it as reinfected.
create unique index subscriber_case_one_open on subscriber_case (organisation_id, subscriber_id, kind)
    where state <> 'closed-unverified';
create index subscriber_case_quiet on subscriber_case (last_seen) where state not in ('closed-unverified', 'verified');

-- The channel of a timeline entry about a notice, so effectiveness can be measured per channel.
alter table case_event add column channel text;

-- Notices on every channel of the ladder; purpose is the ladder step (e.g. "default@1#0") or
-- "first-notice" for notices queued before ladders existed.
alter table notice drop constraint notice_channel_check;
alter table notice add constraint notice_channel_check check (channel in
    ('email', 'sms', 'line', 'letter', 'call-list'));
alter table notice drop constraint notice_purpose_check;

-- More ways to reach a subscriber (from the subscriber CSV), and what they prefer (from the portal).
alter table subscriber add column line_user_id text not null default '';
alter table subscriber add column postal_address text not null default '';
create table subscriber_channel_preference (
    organisation_id  bigint not null references organisation (id),
    subscriber_id    text not null,
    channels         text not null,            -- channel codes, most preferred first, comma-separated
    mode             text not null check (mode in ('reorder', 'replace')),
    updated_at       timestamptz not null,
    primary key (organisation_id, subscriber_id)
);

-- Consent as given in the portal: every change is a new row, the latest one holds.
create table subscriber_consent (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    subscriber_id    text not null,
    level            text not null check (level in ('notify-only', 'quarantine-allowed', 'blocking-allowed')),
    terms_version    text not null,
    given_at         timestamptz not null,
    via              text not null
);
create index subscriber_consent_latest on subscriber_consent (organisation_id, subscriber_id, given_at desc, id desc);

-- An ISP policy that allows measures without each subscriber's consent, with its legal basis.
-- Recording a new one retires the previous (retired_at), so the history stays.
create table quarantine_policy (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    name             text not null,
    legal_basis      text not null,
    measures         text not null,            -- 'quarantine', 'traffic-blocking', comma-separated
    recorded_by      text not null,
    recorded_at      timestamptz not null,
    retired_at       timestamptz
);
create unique index quarantine_policy_current on quarantine_policy (organisation_id) where retired_at is null;

-- A subscriber's line in the walled garden, started by a ladder step, ended by release.
create table quarantine (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    subscriber_id    text not null,
    step             text not null,
    grounds          text not null,            -- 'consent: quarantine-allowed (terms v3, ...)' or 'policy: name (legal basis)'
    state            text not null check (state in ('active', 'released')),
    started_at       timestamptz not null,
    release_due_at   timestamptz not null,     -- automatic release
    released_at      timestamptz,
    released_by      text,                     -- 'subscriber', 'automatic', 'staff:<user>', 'case-closed'
    unique (case_id, step)
);
create unique index quarantine_one_active on quarantine (organisation_id, subscriber_id) where state = 'active';
create index quarantine_due on quarantine (release_due_at) where state = 'active';
