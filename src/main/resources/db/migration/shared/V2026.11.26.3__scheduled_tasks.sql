-- db-scheduler (vn.trithuc.shared.jobs): one row per scheduled execution; instances pick executions with
-- "select ... for update skip locked", so a recurring task runs once per period however many instances run.
-- DDL from db-scheduler's postgresql_tables.sql (16.x), in schema shared.
create table shared.scheduled_tasks (
  task_name            text not null,
  task_instance        text not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean not null,
  picked_by            text,
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures int,
  last_heartbeat       timestamp with time zone,
  version              bigint not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on shared.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on shared.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on shared.scheduled_tasks (priority desc, execution_time asc);

-- One row per run of a recurring job (vn.trithuc.shared.jobs.Jobs): which instance ran it, when, how it ended.
create table shared.job_run (
  id           bigint generated always as identity primary key,
  task_name    text not null,
  instance     text not null,
  started_at   timestamptz not null,
  finished_at  timestamptz,
  outcome      text not null check (outcome in ('OK', 'FAILED')),
  details      text
);
create index job_run_task_started_idx on shared.job_run (task_name, started_at desc);
