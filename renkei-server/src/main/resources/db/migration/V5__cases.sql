-- Cases: one problem of one subscriber's device, from first observation to (unverified) resolution.
-- A case belongs to a subscriber, never to an IP: the IP changes, the subscriber does not.
create table subscriber_case (
    id                 bigint generated always as identity primary key,
    organisation_id    bigint not null references organisation (id),
    subscriber_id      text not null,
    kind               text not null,
    state              text not null check (state in ('open', 'notified', 'fixed-reported', 'reopened', 'resolved-unverified')),
    first_seen         timestamptz not null,
    last_seen          timestamptz not null,
    observation_count  bigint not null,
    fix_reported_at    timestamptz,
    opened_at          timestamptz not null default now(),
    closed_at          timestamptz
);
-- At most one case that still needs work per subscriber and problem; closed ones are history.
create unique index subscriber_case_one_open on subscriber_case (organisation_id, subscriber_id, kind)
    where state <> 'resolved-unverified';
create index subscriber_case_org_state on subscriber_case (organisation_id, state);
create index subscriber_case_org_recent on subscriber_case (organisation_id, last_seen desc);
create index subscriber_case_quiet on subscriber_case (last_seen) where state <> 'resolved-unverified';

create table case_observation (
    case_id          bigint not null references subscriber_case (id),
    observation_id   bigint not null references observation (id),
    organisation_id  bigint not null references organisation (id),
    primary key (case_id, observation_id)
);
create index case_observation_org on case_observation (organisation_id, observation_id);

-- The case's history as people read it: opened, observations, notices, fix reported, reopened, closed.
create table case_event (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    at               timestamptz not null default now(),
    kind             text not null,
    detail           text not null default ''
);
create index case_event_case on case_event (organisation_id, case_id, at, id);
