-- Security audit log: append-only for the application. UPDATE, DELETE and TRUNCATE are refused by triggers;
-- the only way rows leave is identity.purge_security_events(), which never removes rows younger than 180 days.
create table identity.security_event (
  id             uuid primary key,
  occurred_at    timestamptz not null default now(),
  event_type     varchar(40) not null,
  actor          varchar(100) not null,
  subject        varchar(100),
  remote_address varchar(64),
  details        varchar(1000)
);
create index security_event_occurred_at on identity.security_event (occurred_at desc);
create index security_event_actor on identity.security_event (actor, occurred_at desc);
create index security_event_subject on identity.security_event (subject, occurred_at desc);
create index security_event_type on identity.security_event (event_type, occurred_at desc);

create function identity.security_event_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('trithuc.audit_purge', true) = 'on' then
    return old;
  end if;
  raise exception 'identity.security_event is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end $$;

create trigger security_event_no_update_or_delete
  before update or delete on identity.security_event
  for each row execute function identity.security_event_append_only();
create trigger security_event_no_truncate
  before truncate on identity.security_event
  for each statement execute function identity.security_event_append_only();

-- The retention purge: the session flag that lets the trigger pass is set for this transaction only.
create function identity.purge_security_events(older_than timestamptz) returns bigint
language plpgsql security definer set search_path = identity, pg_temp as $$
declare
  removed bigint;
begin
  if older_than > now() - interval '180 days' then
    raise exception 'security events are kept at least 180 days (asked to purge before %)', older_than;
  end if;
  perform set_config('trithuc.audit_purge', 'on', true);
  delete from identity.security_event where occurred_at < older_than;
  get diagnostics removed = row_count;
  perform set_config('trithuc.audit_purge', 'off', true);
  return removed;
end $$;
