-- Action programs as structured data: the documents of the policy cascade, their sections and items, the
-- assignments of "Tổ chức thực hiện" and targets taken from later documents. Items are versioned: an
-- amendment adds a revision and never overwrites the earlier text.
create schema if not exists program;

create table program.action_program (
  id                    uuid primary key,
  version               int not null default 0,
  -- RESOLUTION (Nghị quyết), PLAN (Kế hoạch), ACTION_PROGRAM (Chương trình hành động)
  document_kind         varchar(30) not null,
  -- a higher document recorded only for the cascade: its known facts, not its full text
  reference_only        boolean not null,
  higher_issuer_heading text,
  issuer_heading        text,
  issuer_name           text not null,
  -- the issuer in the organisation tree, once the orgunit module knows it
  issuer_org_unit_id    uuid,
  -- null = not (yet) known; the document left it blank ("Số      - CTr/HU")
  number                varchar(60),
  number_suffix         varchar(60),
  issued_year           int not null check (issued_year between 1930 and 2200),
  issued_month          int check (issued_month between 1 and 12),
  issued_day            int check (issued_day between 1 and 31),
  place                 text,
  kind_heading          text,
  title                 text not null,
  preamble              text,
  implements_id         uuid references program.action_program (id),
  seed_key              varchar(100) unique,
  created_at            timestamptz not null,
  check (issued_day is null or issued_month is not null)
);

create table program.legal_basis (
  program_id     uuid not null references program.action_program (id) on delete cascade,
  position       int not null,
  referenced_id  uuid references program.action_program (id),
  citation       text not null,
  primary key (program_id, position)
);

create table program.section (
  id          uuid primary key,
  program_id  uuid not null references program.action_program (id) on delete cascade,
  code        varchar(20) not null,
  parent_code varchar(20),
  label       varchar(10) not null,
  heading     text not null,
  position    int not null,
  -- 1..5: the canonical task groups (DOMAIN.md), for the sections of tasks
  task_group  int check (task_group between 1 and 5),
  unique (program_id, code)
);

create table program.item (
  id          uuid primary key,
  program_id  uuid not null references program.action_program (id) on delete cascade,
  section_id  uuid not null references program.section (id) on delete cascade,
  position    int not null,
  -- PURPOSE, REQUIREMENT, GENERAL_OBJECTIVE, OBJECTIVE_2030, VISION_2045, TASK, ASSIGNMENT, RECIPIENT
  kind        varchar(30) not null,
  task_group  int check (task_group between 1 and 5),
  -- optimistic lock for amendments
  version     int not null default 0,
  -- null for the items of the original text; the effective date for items an amendment added
  added_on    date,
  created_at  timestamptz not null
);
create index item_program on program.item (program_id, section_id, position);

create table program.item_revision (
  item_id         uuid not null references program.item (id) on delete cascade,
  revision        int not null,
  text            text not null,
  -- null = as issued; else the date the amendment takes effect
  valid_from      date,
  decision_number varchar(100),
  reason          text,
  recorded_at     timestamptz not null,
  recorded_by     varchar(64) not null,
  primary key (item_id, revision),
  check ((revision = 1) or (valid_from is not null and decision_number is not null and reason is not null))
);

create table program.assignment (
  id              uuid primary key,
  program_id      uuid not null references program.action_program (id) on delete cascade,
  item_id         uuid references program.item (id) on delete cascade,
  position        int not null,
  unit_name       text not null,
  org_unit_id     uuid,
  -- CARRIES_TASKS, CONCRETISES_POLICIES, SUPERVISES_AND_MOBILISES, LEADS_AND_MONITORS
  responsibility  varchar(40) not null
);

-- Numeric targets: the seed states none; they come from later documents, each tagged with its source.
create table program.target (
  id               uuid primary key,
  program_id       uuid not null references program.action_program (id) on delete cascade,
  position         int not null,
  indicator_code   varchar(60) not null,
  description      text not null,
  target_value     numeric(14, 2) not null,
  unit             varchar(60) not null,
  target_year      int not null,
  comparator       varchar(2) not null default '=' check (comparator in ('=', '>=', '<=')),
  source_document  varchar(100) not null check (length(trim(source_document)) > 0),
  source_date      date,
  source_status    varchar(20) not null default 'VERIFIED'
);
