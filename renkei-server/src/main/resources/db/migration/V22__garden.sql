-- Walled garden (issue 5): the allow list, how each organisation enforces a quarantine, and the
-- ledger of enforcement actions (one row per action, written in the transaction that starts or
-- releases the quarantine, carried out after commit).

-- Destinations a quarantined subscriber can still reach: 'host.example' or '*.host.example'.
create table garden_allowed_destination (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    name             text not null,
    note             text not null default '',
    added_by         text not null,
    added_at         timestamptz not null,
    unique (organisation_id, name)
);

-- Enforcement per organisation; without a row, or with an adapter off, the ledger records the
-- action as 'disabled' with the reason.
create table quarantine_enforcement (
    organisation_id            bigint primary key references organisation (id),
    radius_action              text not null default 'off' check (radius_action in ('off', 'coa', 'disconnect')),
    coa_port                   integer not null default 3799 check (coa_port between 1 and 65535),
    filter_id                  text not null default '',
    vendor_attributes          text not null default '',   -- one vendor:type=value per line
    release_filter_id          text not null default '',
    release_vendor_attributes  text not null default '',   -- none of both: release by Disconnect-Request
    rpz_enabled                boolean not null default false,
    garden_ipv4                text not null default '',
    garden_ipv6                text not null default '',
    garden_host                text not null default '',   -- a CNAME target instead of addresses
    reload_command             text not null default 'rndc' || chr(10) || 'reload',   -- one argument per line
    updated_by                 text not null,
    updated_at                 timestamptz not null
);

create table quarantine_action (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    quarantine_id    bigint references quarantine (id),   -- empty for 'sync' (the allow list changed)
    adapter          text not null check (adapter in ('radius', 'dns')),
    action           text not null check (action in ('start', 'release', 'sync')),
    state            text not null check (state in ('pending', 'done', 'failed', 'disabled')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    outcome          text not null default '',     -- what the peer answered, or why the adapter is disabled
    last_error       text not null default '',
    created_at       timestamptz not null,
    finished_at      timestamptz,
    unique (quarantine_id, adapter, action)
);
create index quarantine_action_due on quarantine_action (next_attempt_at) where state = 'pending';
create index quarantine_action_org on quarantine_action (organisation_id, quarantine_id);
