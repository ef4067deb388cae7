-- Planned needs for intellectuals: how many people of a field and degree a unit needs in a year.
create table planning.need (
  id             uuid primary key,
  org_unit       uuid not null,
  field_of_study varchar(30) not null,
  degree         varchar(30) not null,
  year           int not null check (year between 2000 and 2100),
  count          int not null check (count between 0 and 100000),
  note           text,
  recorded_by    text not null,
  recorded_at    timestamptz not null,
  unique (org_unit, field_of_study, degree, year)
);
create index need_year on planning.need (year);
