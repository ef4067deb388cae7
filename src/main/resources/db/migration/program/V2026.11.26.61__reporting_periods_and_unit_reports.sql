-- Reporting periods, the units expected to report, and their unit reports with the workflow history.

-- Cut-off rules per period kind are data: state (Decree 09/2019) and party cut-offs differ, and DOMAIN.md
-- marks these as unverified. A period copies the proposal and may override every date.
create table program.period_rule (
  kind                   varchar(20) primary key,
  -- the cut-off starts on this day of the previous year (15/12) ...
  cutoff_from_month      int check (cutoff_from_month between 1 and 12),
  cutoff_from_day        int check (cutoff_from_day between 1 and 31),
  -- ... and ends on this day of the period's year (14/6 for six months, 14/12 for the year)
  cutoff_to_month        int check (cutoff_to_month between 1 and 12),
  cutoff_to_day          int check (cutoff_to_day between 1 and 31),
  -- days after the cut-off end by which units must have reported
  deadline_days          int not null default 7 check (deadline_days >= 0),
  source                 text,
  source_status          varchar(20) not null default 'UNVERIFIED'
);
insert into program.period_rule values
  ('SIX_MONTH', 12, 15, 6, 14, 7, 'Nghị định 09/2019/NĐ-CP (kỳ báo cáo 6 tháng: 15/12 năm trước – 14/6)', 'UNVERIFIED'),
  ('ANNUAL', 12, 15, 12, 14, 7, 'Nghị định 09/2019/NĐ-CP (kỳ báo cáo năm: 15/12 năm trước – 14/12)', 'UNVERIFIED'),
  ('INTERIM_REVIEW', null, null, null, null, 14, null, 'UNVERIFIED'),
  ('FINAL_REVIEW', null, null, null, null, 14, null, 'UNVERIFIED'),
  ('AD_HOC', null, null, null, null, 7, null, 'UNVERIFIED');

-- The units that report on a program; the organisation tree links them once it exists.
create table program.reporting_unit (
  id           uuid primary key,
  program_id   uuid not null references program.action_program (id) on delete cascade,
  position     int not null,
  name         text not null,
  org_unit_id  uuid,
  created_at   timestamptz not null,
  unique (program_id, name)
);

create table program.reporting_period (
  id           uuid primary key,
  version      int not null default 0,
  program_id   uuid not null references program.action_program (id) on delete cascade,
  -- SIX_MONTH, ANNUAL, INTERIM_REVIEW, FINAL_REVIEW, AD_HOC
  kind         varchar(20) not null references program.period_rule (kind),
  name         text not null,
  opens_on     date not null,
  cutoff_from  date not null,
  cutoff_to    date not null,
  deadline     date not null,
  created_at   timestamptz not null,
  created_by   varchar(64) not null,
  check (cutoff_from <= cutoff_to),
  check (opens_on <= deadline)
);
create index reporting_period_program on program.reporting_period (program_id, cutoff_to);

create table program.unit_report (
  id                  uuid primary key,
  version             int not null default 0,
  period_id           uuid not null references program.reporting_period (id) on delete cascade,
  unit_id             uuid not null references program.reporting_unit (id) on delete cascade,
  -- DRAFT, SUBMITTED, RETURNED, RESUBMITTED, ACCEPTED
  status              varchar(20) not null,
  narrative           text,
  difficulties        text,
  proposals           text,
  first_submitted_at  timestamptz,
  last_submitted_at   timestamptz,
  accepted_at         timestamptz,
  accepted_by         varchar(64),
  updated_at          timestamptz not null,
  updated_by          varchar(64) not null,
  unique (period_id, unit_id)
);

-- per task of the program: NOT_STARTED, IN_PROGRESS, DONE, OVERDUE
create table program.report_task_status (
  report_id  uuid not null references program.unit_report (id) on delete cascade,
  item_id    uuid not null references program.item (id) on delete cascade,
  status     varchar(20) not null,
  progress   int check (progress between 0 and 100),
  note       text,
  primary key (report_id, item_id)
);

-- manual indicator values for now; computed ones come from the registry later
create table program.report_indicator_value (
  report_id       uuid not null references program.unit_report (id) on delete cascade,
  indicator_code  varchar(60) not null,
  value           numeric(14, 2),
  primary key (report_id, indicator_code)
);

-- who did what when: every workflow step, with the comment or reason
create table program.report_event (
  id           uuid primary key,
  report_id    uuid not null references program.unit_report (id) on delete cascade,
  at           timestamptz not null,
  by_user      varchar(64) not null,
  action       varchar(20) not null,
  from_status  varchar(20),
  to_status    varchar(20) not null,
  comment      text
);
create index report_event_report on program.report_event (report_id, at);
