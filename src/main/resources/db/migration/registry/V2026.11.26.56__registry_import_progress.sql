-- progress of an import job's background work (dry run, apply): written in small transactions of their own, so the
-- job page can show it while the apply's single transaction still holds the job row locked. No foreign key: the
-- check of one would have to lock the job row the apply holds.
create table registry.import_progress (
  job_id      uuid primary key,
  phase       varchar(12) not null check (phase in ('QUEUED', 'READING', 'CHECKING', 'CHECKED', 'APPLYING', 'DONE', 'FAILED')),
  done        integer not null default 0,
  total       integer not null default 0,
  updated_at  timestamptz not null,
  -- the db-scheduler task instance of the work in progress (one per dry run or apply)
  task_instance varchar(80)
);
