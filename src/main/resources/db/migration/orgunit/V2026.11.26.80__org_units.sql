-- The organisation tree through time (module orgunit). Dates are days; valid_to is the last day in force
-- (inclusive, as in the catalog files), null = still in force. An operation effective on D closes the old
-- version on D - 1 and opens the new one on D.
create schema if not exists orgunit;

-- What a unit is, whatever it is called or wherever it hangs at a given date.
create table orgunit.org_unit (
  id            uuid primary key,
  version       int not null default 0,
  code          varchar(40) not null,
  kind          varchar(40) not null,
  -- an administrative unit of the catalog module (no cross-schema foreign key)
  admin_unit_id uuid,
  valid_from    date not null,
  valid_to      date,
  created_at    timestamptz not null,
  constraint org_unit_dates check (valid_to is null or valid_to >= valid_from)
);
-- a code names one unit forever: a dissolved unit's code is never given to another
create unique index org_unit_code on orgunit.org_unit (lower(code));

-- The unit's attributes over time: a new version for each rename, move or change of details.
create table orgunit.org_unit_version (
  id          uuid primary key,
  org_unit    uuid not null references orgunit.org_unit (id),
  valid_from  date not null,
  valid_to    date,
  name        varchar(300) not null,
  -- vn.trithuc.shared.VietnameseText.fold(name), for search without diacritics
  name_folded varchar(300) not null,
  short_name  varchar(100),
  parent      uuid references orgunit.org_unit (id),
  address     varchar(300),
  phone       varchar(50),
  email       varchar(254),
  head_name   varchar(200),
  head_title  varchar(200),
  event       uuid,
  constraint org_unit_version_dates check (valid_to is null or valid_to >= valid_from),
  constraint org_unit_version_not_own_parent check (parent is null or parent <> org_unit)
);
create unique index org_unit_version_start on orgunit.org_unit_version (org_unit, valid_from);
create index org_unit_version_parent on orgunit.org_unit_version (parent, valid_from);
create index org_unit_version_name on orgunit.org_unit_version using gin (name_folded public.gin_trgm_ops);

-- Operations as they were decided: create, rename, move, merge, split, dissolve.
create table orgunit.org_unit_event (
  id              uuid primary key,
  kind            varchar(20) not null,
  effective_on    date not null,
  decision_number varchar(100),
  decision_date   date,
  note            varchar(1000),
  recorded_at     timestamptz not null,
  recorded_by     varchar(64)
);
create index org_unit_event_date on orgunit.org_unit_event (effective_on);

-- The units an operation touched: SUBJECT (create, rename, move, dissolve), SOURCE and RESULT (merge, split).
create table orgunit.org_unit_event_unit (
  event    uuid not null references orgunit.org_unit_event (id),
  org_unit uuid not null references orgunit.org_unit (id),
  role     varchar(20) not null,
  primary key (event, org_unit, role)
);
create index org_unit_event_unit_unit on orgunit.org_unit_event_unit (org_unit);

-- Successor links, many-to-many: who took over (the whole or a part of) a unit's work, and who carries it on.
create table orgunit.succession (
  id           uuid primary key,
  event        uuid not null references orgunit.org_unit_event (id),
  predecessor  uuid not null references orgunit.org_unit (id),
  successor    uuid not null references orgunit.org_unit (id),
  effective_on date not null,
  extent       varchar(10) not null check (extent in ('WHOLE', 'PARTIAL')),
  carries_work boolean not null,
  matter       varchar(300),
  constraint succession_not_self check (predecessor <> successor)
);
create index succession_predecessor on orgunit.succession (predecessor);
create index succession_successor on orgunit.succession (successor);
