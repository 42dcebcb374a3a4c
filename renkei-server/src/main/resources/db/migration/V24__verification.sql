-- Verification of reported fixes by later report cycles (issue 5, "Verification").

-- The report sources (feed and report type) that have shown a case's problem, and the latest
-- source time each of them showed it: the reports that can later verify a fix.
create table case_report_source (
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    feed             text not null,
    report_type      text not null,
    last_seen        timestamptz not null,
    primary key (case_id, feed, report_type)
);
create index case_report_source_org_feed on case_report_source (organisation_id, feed, report_type);

-- One completed report of one of a case's report sources that did not show the problem after
-- the fix report: a clean cycle. Unique per import run, so one report never counts twice.
create table case_clean_cycle (
    organisation_id  bigint not null references organisation (id),
    case_id          bigint not null references subscriber_case (id),
    feed             text not null,
    report_type      text not null,
    import_run_id    bigint not null,
    completed_at     timestamptz not null,
    primary key (case_id, import_run_id, report_type)
);
create index case_clean_cycle_case on case_clean_cycle (organisation_id, case_id, feed, report_type, completed_at);

-- Cases waiting for verification are looked up on every completed report.
create index subscriber_case_fix_reported on subscriber_case (organisation_id) where state = 'fixed-reported';

-- Effectiveness reads the first notice and the ladder of every case.
create index case_event_org_kind on case_event (organisation_id, kind, case_id, at);
