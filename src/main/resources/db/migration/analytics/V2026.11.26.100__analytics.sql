-- Statistics of the intellectual workforce. analytics.fact_period is this module's copy of each person's facts
-- through time, taken from the registry's public API (RegistryFacts) whenever the registry announces a change;
-- analytics.tally holds counts for every pair of dimensions for a few snapshot dates (today, past year-ends),
-- kept current on every change, so that those dashboards and pivots read pre-aggregated rows.
create schema if not exists analytics;

create table analytics.fact_period (
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
  party          boolean not null
);
create index fact_period_person on analytics.fact_period (person_id);

create table analytics.snapshot (
  as_of     date primary key,
  built_at  timestamptz not null
);

-- dim_a < dim_b in the order of vn.trithuc.analytics.internal.Dimension; ALL (value '') pairs give single breakdowns
create table analytics.tally (
  as_of    date not null references analytics.snapshot (as_of) on delete cascade,
  dim_a    varchar(20) not null,
  value_a  varchar(40) not null,
  dim_b    varchar(20) not null,
  value_b  varchar(40) not null,
  n        bigint not null,
  primary key (as_of, dim_a, dim_b, value_a, value_b)
);
