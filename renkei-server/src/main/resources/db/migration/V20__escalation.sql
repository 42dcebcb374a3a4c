-- Escalation ladders (issue 5): each ISP's ladders, versioned; the default and an optional experiment;
-- which ladder version each case runs, and every step handled, so a restart neither repeats nor loses one.

-- One row per version: an edit never changes a version a case may be running on.
create table ladder (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    name             text not null,
    version          integer not null check (version >= 1),
    quiet_from       time,                     -- both null: no quiet hours
    quiet_to         time,
    quiet_zone       text not null,
    created_by       text not null,
    created_at       timestamptz not null,
    unique (organisation_id, name, version),
    check ((quiet_from is null) = (quiet_to is null))
);

create table ladder_step (
    organisation_id  bigint not null references organisation (id),
    ladder_id        bigint not null references ladder (id),
    position         integer not null check (position >= 0),
    after_seconds    bigint not null check (after_seconds >= 0),
    channel          text not null check (channel in ('email', 'sms', 'line', 'letter', 'call-list', 'walled-garden')),
    primary key (ladder_id, position)
);

-- Which ladder new cases get (its latest version); no row or no name: the ladder called "default".
create table ladder_setting (
    organisation_id  bigint primary key references organisation (id),
    default_ladder   text,
    updated_by       text not null,
    updated_at       timestamptz not null
);

-- A randomised comparison: while it exists, new cases draw their ladder from its arms.
create table ladder_experiment (
    organisation_id  bigint primary key references organisation (id),
    name             text not null,
    seed             text not null,
    started_by       text not null,
    started_at       timestamptz not null
);
create table ladder_experiment_arm (
    organisation_id  bigint not null references ladder_experiment (organisation_id) on delete cascade,
    position         integer not null,         -- the arms' order takes part in the draw
    ladder_name      text not null,
    weight           integer not null check (weight between 1 and 100),
    primary key (organisation_id, ladder_name)
);

-- A case's climb of one ladder version. Run 1 starts when the case opens; a reinfected case starts
-- the next run from its reinfection with no handled steps. next_check_at: when the policy said to ask again.
create table case_ladder_run (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    run              integer not null check (run >= 1),
    ladder_id        bigint not null references ladder (id),
    subscriber_id    text not null,
    experiment       text,
    arm              text,
    started_at       timestamptz not null,
    next_check_at    timestamptz not null,
    finished_at      timestamptz,
    stop_reason      text,
    unique (case_id, run)
);
create index case_ladder_run_due on case_ladder_run (next_check_at) where finished_at is null;
create index case_ladder_run_org_case on case_ladder_run (organisation_id, case_id);

-- Every step sent or skipped, recorded in the transaction that queued its notice or started its quarantine.
create table case_ladder_step (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    run_id           bigint not null references case_ladder_run (id),
    case_id          bigint not null references subscriber_case (id),
    step             text not null,            -- name@version#index
    outcome          text not null check (outcome in ('sent', 'skipped')),
    channel          text not null,
    reason           text,
    due_at           timestamptz not null,
    handled_at       timestamptz not null,
    unique (run_id, step)
);
create index case_ladder_step_org_case on case_ladder_step (organisation_id, case_id);
