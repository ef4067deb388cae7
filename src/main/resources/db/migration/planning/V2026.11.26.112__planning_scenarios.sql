-- Named projection scenarios: planned recruitment and returns from sponsored study per year, and the yearly inflow and
-- outflow rates (null = the historical rate computed from the registry at the time of the projection).
create table planning.scenario (
  id                   uuid primary key,
  name                 text not null check (length(btrim(name)) between 1 and 200),
  recruitment_per_year int not null check (recruitment_per_year between 0 and 1000000),
  returns_per_year     int not null check (returns_per_year between 0 and 1000000),
  inflow_rate          numeric(7, 4) check (inflow_rate between 0 and 1),
  outflow_rate         numeric(7, 4) check (outflow_rate between 0 and 1),
  recorded_by          text not null,
  recorded_at          timestamptz not null,
  version              int not null default 0
);
create unique index scenario_name on planning.scenario (lower(name));
