-- A case's severity (issue 5, "Cases … merging all feeds; severity"): the worst severity any of
-- its reports gave, whichever feed they came from; when none gave one, the default of the case's
-- problem kind (core ProblemKind.defaultSeverity), marked so that a later graded report replaces it.
alter table subscriber_case add column severity text not null default 'medium'
    check (severity in ('critical', 'high', 'medium', 'low', 'info'));
alter table subscriber_case add column severity_reported boolean not null default false;

-- Existing cases: the worst graded observation linked to each case.
update subscriber_case c
   set severity = w.severity, severity_reported = true
  from (select co.case_id,
               (array_agg(lower(o.severity) order by case lower(o.severity)
                    when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end))[1]
                   as severity
          from case_observation co
          join observation o on o.id = co.observation_id and o.organisation_id = co.organisation_id
         where lower(o.severity) in ('critical', 'high', 'medium', 'low', 'info')
         group by co.case_id) w
 where w.case_id = c.id;

-- The rest: the problem kind's default (kept in step with ProblemKind.defaultSeverity).
update subscriber_case
   set severity = case when kind in ('infected', 'compromised', 'brute-force-source') then 'high'
                       when kind = 'unmapped' then 'info'
                       else 'medium' end
 where not severity_reported;

-- The case list filters by severity within an organisation.
create index subscriber_case_org_severity on subscriber_case (organisation_id, severity);
