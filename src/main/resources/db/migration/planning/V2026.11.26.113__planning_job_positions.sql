-- Job positions of a unit with their title standards (catalog codes; null = no requirement). A person holds a
-- position when the job position recorded on their current registry position equals its title (ignoring case and
-- diacritics) in the same unit.
create table planning.job_position (
  id               uuid primary key,
  org_unit         uuid not null,
  title            text not null check (length(btrim(title)) between 1 and 300),
  degree           varchar(30),
  field_of_study   varchar(30),
  political_theory varchar(30),
  state_management varchar(30),
  foreign_language varchar(30),
  it_level         varchar(30),
  recorded_by      text not null,
  recorded_at      timestamptz not null
);
create unique index job_position_title on planning.job_position (org_unit, lower(title));
