-- Consolidated review reports (báo cáo sơ kết / tổng kết) of a period and a scope (an org subtree, or every
-- reporting unit). The narrative is drafted from the accepted unit reports and then edited section by section;
-- every save is a new revision, earlier texts stay readable. Annex tables and the chart are computed from the
-- reports each time the report is shown or exported, so they always match the completeness page.
create table program.review_report (
  id              uuid primary key,
  program_id      uuid not null references program.action_program (id) on delete cascade,
  period_id       uuid not null references program.reporting_period (id) on delete cascade,
  -- the root of the org subtree reported on; null = every reporting unit of the program
  scope_org_unit  uuid,
  scope_name      text,
  created_at      timestamptz not null,
  created_by      varchar(64) not null
);
create index review_report_period on program.review_report (period_id, created_at);

-- SITUATION, LEADERSHIP, RESULTS_1..RESULTS_5, STRENGTHS, LIMITATIONS, CAUSES, LESSONS, TASKS_AHEAD, PROPOSALS
create table program.review_section_revision (
  review_id   uuid not null references program.review_report (id) on delete cascade,
  section     varchar(20) not null,
  revision    int not null check (revision >= 1),
  text        text not null,
  edited_at   timestamptz not null,
  edited_by   varchar(64) not null,
  primary key (review_id, section, revision)
);
