-- column mapping of an import: chosen on the mapping screen (field=column;…), kept with the job so that the dry
-- run and the apply read the file the same way
alter table registry.import_job add column mapping text;
alter table registry.import_job add column header_key text;
alter table registry.import_job add column mapping_name varchar(100);

-- mappings an officer saved under a name; reused automatically for a file with the same headers
create table registry.import_mapping (
  id          uuid primary key,
  owner       varchar(64) not null,
  name        varchar(100) not null,
  header_key  text not null,
  mapping     text not null,
  created_at  timestamptz not null,
  unique (owner, header_key)
);
