-- Remote areas (vùng sâu, vùng xa, vùng đặc biệt khó khăn): the official lists of communes, kept as data because
-- they change with each decision (e.g. the 2021-2025 list of extremely disadvantaged communes); an entry names an
-- administrative unit (of the boundaries of its time) and the dates the list was in force.
create table analytics.remote_area (
  id          uuid primary key,
  admin_unit  uuid not null,
  valid_from  date not null,
  valid_to    date,
  decision    varchar(200) not null,
  created_at  timestamptz not null,
  created_by  varchar(100) not null,
  check (valid_to is null or valid_to >= valid_from)
);
create index remote_area_unit on analytics.remote_area (admin_unit);

-- new dimensions (sector, remote area): the snapshots are built again at the next start
delete from analytics.snapshot;
