-- spreadsheets uploaded for import: kept so that the dry run and the apply read the same file
create table registry.import_job (
  id          uuid primary key,
  file_name   varchar(255) not null,
  content     bytea not null,
  status      varchar(12) not null check (status in ('DRY_RUN', 'APPLIED', 'FAILED')),
  created_by  varchar(64) not null,
  created_at  timestamptz not null,
  applied_at  timestamptz,
  applied_summary text
);
create index import_job_created on registry.import_job (created_at desc);
