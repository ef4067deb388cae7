-- Module catalog: administrative units through time and versioned code lists.
create schema if not exists catalog;

-- An administrative unit as it existed between valid_from and valid_to (both inclusive; null = open).
-- Codes are reused across versions (24877 = Xã Rô Men until 30/6/2025, Xã Đam Rông 2 since 1/7/2025):
-- the key is the surrogate id, a code identifies a unit only together with a date.
create table catalog.admin_unit (
  id           uuid primary key,
  code         varchar(10),           -- null for the few legacy districts without a known code
  level        varchar(10) not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
  type         varchar(20) not null,
  name         varchar(200) not null,  -- official spelling, for display
  name_folded  varchar(200) not null,  -- vn.trithuc.shared.VietnameseText.fold(name), for matching
  parent_id    uuid references catalog.admin_unit (id),
  valid_from   date,
  valid_to     date,
  code_basis   varchar(20),            -- legacy districts: how the 2019 code was attributed (NOTICE.md)
  constraint admin_unit_period check (valid_from is null or valid_to is null or valid_from <= valid_to)
);
create index admin_unit_level_period on catalog.admin_unit (level, valid_from, valid_to);
create index admin_unit_code on catalog.admin_unit (code);
create index admin_unit_parent on catalog.admin_unit (parent_id);
create index admin_unit_name_trgm on catalog.admin_unit using gin (name_folded public.gin_trgm_ops);

-- Old -> new, many-to-many. PARTIAL: the old unit went to several successors ("nhập một phần").
-- is_primary marks the one successor to choose when a single answer is needed (PrimarySuccessorPolicy).
create table catalog.admin_unit_succession (
  predecessor_id  uuid not null references catalog.admin_unit (id),
  successor_id    uuid not null references catalog.admin_unit (id),
  extent          varchar(10) not null check (extent in ('WHOLE', 'PARTIAL')),
  effective_date  date not null,
  is_primary      boolean not null,
  primary key (predecessor_id, successor_id)
);
create index admin_unit_succession_successor on catalog.admin_unit_succession (successor_id);

-- Which reference data sets were loaded (name, version of the files): a loader never loads twice.
create table catalog.data_load (
  name        varchar(60) primary key,
  version     varchar(100) not null,
  rows_loaded int not null,
  millis      int not null,
  loaded_at   timestamptz not null
);

-- Code lists. Every change (initial load, add, retire, import) makes a new version holding the whole
-- list; earlier versions stay readable. Entries are never deleted: a retired entry keeps its code.
create table catalog.code_list (
  kind             varchar(40) primary key,
  current_version  int not null
);

create table catalog.code_list_version (
  kind        varchar(40) not null references catalog.code_list (kind),
  version     int not null,
  created_at  timestamptz not null,
  created_by  varchar(64) not null,
  change      varchar(20) not null check (change in ('INITIAL', 'ADDED', 'RETIRED', 'IMPORTED')),
  note        varchar(300),
  primary key (kind, version)
);

create table catalog.code_list_entry (
  kind         varchar(40) not null,
  version      int not null,
  code         varchar(40) not null,
  name         varchar(300) not null,
  name_folded  varchar(300) not null,
  sort_order   int not null,
  status       varchar(12) not null check (status in ('VERIFIED', 'UNVERIFIED')),
  retired_on   date,                  -- null: active
  attributes   jsonb not null default '{}'::jsonb,
  primary key (kind, version, code),
  foreign key (kind, version) references catalog.code_list_version (kind, version)
);

-- A spreadsheet read and checked, waiting for an administrator to look at the differences and apply it.
create table catalog.code_list_import (
  id            uuid primary key,
  kind          varchar(40) not null references catalog.code_list (kind),
  base_version  int not null,
  file_name     varchar(200) not null,
  rows_json     jsonb not null,
  created_at    timestamptz not null,
  created_by    varchar(64) not null,
  applied_at    timestamptz,
  applied_version int
);
