-- Grassroots plans (seed IV.1): a grassroots party organisation makes its own plan under the program; each task
-- of the plan names the program task it carries out, so the program task shows who carries it out and how.
create table program.unit_plan (
  id          uuid primary key,
  program_id  uuid not null references program.action_program (id) on delete cascade,
  unit_id     uuid not null references program.reporting_unit (id) on delete cascade,
  -- the plan's own number and symbol ("05-KH/ĐU"); null = not known yet
  number      varchar(60),
  title       text not null,
  issued_on   date,
  created_at  timestamptz not null,
  created_by  varchar(64) not null
);
create index unit_plan_program on program.unit_plan (program_id, unit_id);

create table program.plan_task (
  id              uuid primary key,
  plan_id         uuid not null references program.unit_plan (id) on delete cascade,
  position        int not null,
  -- the program task (item of kind TASK) this task carries out
  parent_item_id  uuid not null references program.item (id),
  text            text not null,
  due_on          date,
  created_at      timestamptz not null,
  created_by      varchar(64) not null
);
create index plan_task_parent on program.plan_task (parent_item_id);
