-- The derived columns of registry.person (current unit, personnel category, party and talent flags) are computed
-- as of a day; the nightly refresh recomputes the people whose parts started or ended since the last refreshed day.
create table registry.derived_refresh (
  id                int primary key check (id = 1),
  refreshed_through date not null
);
create index person_part_valid_from on registry.person_part (valid_from) where valid_from is not null;
create index person_part_valid_to on registry.person_part (valid_to) where valid_to is not null;
