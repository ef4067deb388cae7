-- Planning's read model of the workforce: each person's facts through time as the registry's public API gives them
-- (RegistryFacts), with the first day of retirement of the roadmap computed once on write, kept current by the same
-- registry events analytics listens to. Forecasts, balances, rates and compliance aggregate it in SQL instead of
-- reading every timeline into Java. Filled at the next start (planning.workforce_state says it was).
create table planning.workforce_period (
  person_id      uuid not null,
  valid_from     date,
  valid_to       date,
  sex            varchar(6) not null,
  birth_date     date,
  birth_year     int,
  ethnic_group   varchar(20),
  degree         varchar(30),
  field          varchar(30),
  academic_title varchar(30),
  category       varchar(30),
  org_unit       uuid,
  residence      uuid,
  party          boolean not null,
  roadmap_date   date
);
create index workforce_period_person on planning.workforce_period (person_id);
create index workforce_period_org_unit on planning.workforce_period (org_unit);

create table planning.workforce_state (
  id        int primary key check (id = 1),
  loaded_at timestamptz not null
);
