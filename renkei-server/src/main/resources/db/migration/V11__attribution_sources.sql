-- Attribution sources (issue 4): live RADIUS clients, per-source settings, honest answers.

-- NAS clients allowed to send RADIUS accounting, each with its shared secret. A source address
-- belongs to one organisation, so a packet names its tenant by where it comes from. The secret is
-- kept readable because RFC 2866 authenticators are computed with it.
create table nas_client (
    address              inet primary key,
    organisation_id      bigint not null references organisation (id),
    name                 text not null default '',
    secret               text not null,
    subscriber_attribute text not null default 'user-name',
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index nas_client_org on nas_client (organisation_id);

-- Per-source settings of one organisation: kind is 'radius' or an import format
-- ('freeradius-detail', 'kea-forensic', …). Retention: how long that source's logs are kept;
-- null means the default (renkei.attribution.default-retention).
create table assignment_source_setting (
    organisation_id      bigint not null references organisation (id),
    kind                 text not null,
    subscriber_attribute text not null default '',
    retention_seconds    bigint,
    primary key (organisation_id, kind)
);

-- Organisation-wide answer policy: clock-skew tolerance, the address pools that are "ours", and
-- deterministic NAT pools (RFC 7422), each 'inside-prefix|public-prefix|ports-per-subscriber|port-offset'.
create table attribution_policy (
    organisation_id      bigint primary key references organisation (id),
    clock_skew_seconds   bigint not null default 0,
    address_pools        text[] not null default '{}',
    deterministic_nat    text[] not null default '{}'
);

-- Assignments grow: the source kind (for retention), a CGNAT port block, an access-line identity.
-- ip may now be a prefix (IPv6 delegated prefix), matched by containment.
alter table assignment add column source_kind text not null default 'freeradius-detail';
alter table assignment add column port_first integer not null default 0;
alter table assignment add column port_last integer not null default 65535;
alter table assignment add column line text not null default '';
create index assignment_prefixes on assignment using gist (ip inet_ops)
    where (family(ip) = 4 and masklen(ip) < 32) or (family(ip) = 6 and masklen(ip) < 128);
create index assignment_retention on assignment (organisation_id, source_kind, stopped_at);

-- The outcome of each observation's attribution (by the system), for the dashboard's share of
-- observations attributed by confidence and reason.
create table attribution_outcome (
    organisation_id bigint not null references organisation (id),
    observation_id  bigint not null,
    source_time     timestamptz not null,
    outcome         text not null,
    attributed_at   timestamptz not null default now(),
    primary key (organisation_id, observation_id)
);
