-- The registry of intellectuals. Code-list values are stored as codes (the catalog module owns the lists);
-- org units and administrative units as UUIDs of the owning modules (no cross-schema foreign keys).
create extension if not exists fuzzystrmatch schema public;
create schema if not exists registry;

create table registry.person (
  id                 uuid primary key,
  version            int not null,
  family_name        varchar(100) not null,
  middle_name        varchar(100) not null default '',
  given_name         varchar(100) not null,
  other_names        varchar(300),
  sex                varchar(6) not null check (sex in ('MALE', 'FEMALE')),
  birth_date         date,
  birth_year         int check (birth_year between 1880 and 2200),
  ethnic_group       varchar(20),
  religion           varchar(20),
  national_id        varchar(12) check (national_id ~ '^[0-9]{12}$'),
  old_id             varchar(9) check (old_id ~ '^[0-9]{9}$'),
  hometown           uuid,
  residence          uuid,
  phone              varchar(30),
  email              varchar(254),
  user_account       varchar(64),
  -- search: folded name tokens (VietnameseText.fold, split on spaces; K'Ho names also without apostrophe)
  name_tokens        text[] not null,
  -- duplicate detection: the folded full name
  name_key           text not null,
  -- derived on every write from the effective-dated parts (as of the day of the write)
  current_org_unit   uuid,
  personnel_category varchar(30),
  highest_degree     varchar(30),
  party_member       boolean not null default false,
  talent             boolean not null default false,
  merged_into        uuid references registry.person (id),
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  constraint person_birth_year_matches check (birth_date is null or birth_year = extract(year from birth_date))
);
create unique index person_national_id on registry.person (national_id) where national_id is not null;
create unique index person_user_account on registry.person (user_account) where user_account is not null;
-- ARCHITECTURE.md: GIN on the array of folded name tokens (tokens @> array[...])
create index person_name_tokens on registry.person using gin (name_tokens);
create index person_name_key on registry.person (name_key, birth_year);
create index person_sort on registry.person (given_name collate "vi-x-icu", middle_name collate "vi-x-icu",
  family_name collate "vi-x-icu", id);
create index person_current_org_unit on registry.person (current_org_unit);

-- every distinct name token: typo tolerance looks up candidates here (levenshtein <= 1), then uses the GIN index
create table registry.name_token (
  token text primary key
);

-- effective-dated parts of a profile: positions, degrees, titles, languages, party membership, honours, ...
create table registry.person_part (
  id          uuid primary key,
  person_id   uuid not null references registry.person (id),
  kind        varchar(30) not null,
  valid_from  date,
  valid_to    date,
  attributes  jsonb not null,
  created_at  timestamptz not null,
  constraint person_part_dates check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index person_part_person on registry.person_part (person_id, kind);

-- every change of personal data: who, when, old -> new
create table registry.change_log (
  id         bigserial primary key,
  person_id  uuid not null,
  version    int not null,
  at         timestamptz not null,
  actor      varchar(64) not null,
  action     varchar(30) not null,
  field      varchar(60),
  old_value  text,
  new_value  text
);
create index change_log_person on registry.change_log (person_id, id);

-- every view of a full profile by someone other than the person (PDP Law 91/2025)
create table registry.person_view_log (
  id          bigserial primary key,
  person_id   uuid not null,
  viewer      varchar(64) not null,
  viewer_role varchar(200) not null,
  at          timestamptz not null
);
create index person_view_log_person on registry.person_view_log (person_id, at desc);

-- a new person routed to review because they look like an existing one (no national ID to decide)
create table registry.duplicate_candidate (
  id              uuid primary key,
  status          varchar(12) not null check (status in ('OPEN', 'CREATED', 'DISCARDED')),
  matched_person  uuid not null,
  proposal        jsonb not null,
  created_at      timestamptz not null,
  created_by      varchar(64) not null,
  resolved_at     timestamptz,
  resolved_by     varchar(64)
);
create index duplicate_candidate_open on registry.duplicate_candidate (status, created_at);
