-- an import job is bound to its uploader's scope: the root unit of the uploader's unit scope at upload (null = the
-- uploader reaches the whole province); officers of another unit neither list nor open it
alter table registry.import_job add column scope_unit uuid;
-- who applied the job (the job's own audit record: uploaded by / at, applied by / at, the summary, the file)
alter table registry.import_job add column applied_by varchar(64);
create index import_job_scope on registry.import_job (scope_unit, created_at desc);
