-- A device owner's confirmation token was kept as mailed, so anyone reading the table could confirm
-- registrations in the owners' names. Only its SHA-256 is kept now, as for API tokens: the link in
-- the mail still works, and the table no longer holds anything that does.
alter table device_owner add column token_sha256 text;
update device_owner set token_sha256 = encode(sha256(convert_to(token, 'UTF8')), 'hex');
alter table device_owner alter column token_sha256 set not null;
alter table device_owner add constraint device_owner_token_sha256_key unique (token_sha256);
alter table device_owner drop column token;
