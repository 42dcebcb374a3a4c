-- Cases keyed on subscriber + problem + device (issue 5): two devices of one subscriber with the
-- same problem are two cases when their reports name them. The device key is the normalised
-- vendor/model a report named (core CaseRules.deviceKey), '' while no report named the device.
alter table subscriber_case add column device_key text not null default '';

-- At most one case that still needs work per subscriber, problem and device; closed ones are history.
drop index subscriber_case_one_open;
create unique index subscriber_case_one_open on subscriber_case (organisation_id, subscriber_id, kind, device_key)
    where state <> 'closed-unverified';
