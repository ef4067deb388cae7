-- Planning and forecasting. People and units are referred to by id only (registry person, orgunit unit);
-- their facts come through the registry's public API.
create schema if not exists planning;

-- Per-person retirement overrides (DOMAIN.md: earlier or later retirement, up to 5 years, with reason):
-- either a planned retirement date, or an extension in months after the date of the roadmap.
create table planning.retirement_override (
  person_id        uuid primary key,
  planned_date     date,
  extension_months int check (extension_months between 1 and 60),
  reason           text not null check (length(btrim(reason)) > 0),
  recorded_by      text not null,
  recorded_at      timestamptz not null,
  version          int not null default 0,
  check ((planned_date is null) <> (extension_months is null))
);

-- Who changed which override when (append-only).
create table planning.retirement_override_change (
  id               bigint generated always as identity primary key,
  person_id        uuid not null,
  action           varchar(10) not null check (action in ('SET', 'REMOVED')),
  planned_date     date,
  extension_months int,
  reason           text,
  changed_by       text not null,
  changed_at       timestamptz not null
);
create index retirement_override_change_person on planning.retirement_override_change (person_id, changed_at);
