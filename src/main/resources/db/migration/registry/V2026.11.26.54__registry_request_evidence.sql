-- evidence files attached to a self-service change request (diploma scans, decisions): PDF, JPEG or PNG, the type
-- sniffed from the content; the file name is sanitised (no path); stored in the database with the request
create table registry.change_request_file (
  id            uuid primary key,
  request_id    uuid not null references registry.change_request (id),
  position      int not null,
  file_name     varchar(200) not null,
  content_type  varchar(40) not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size          int not null check (size > 0),
  sha256        char(64) not null,
  content       bytea not null,
  created_at    timestamptz not null
);
create index change_request_file_request on registry.change_request_file (request_id, position);
