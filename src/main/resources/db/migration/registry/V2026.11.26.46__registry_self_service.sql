-- self-service: an intellectual proposes a change to their own profile; an officer approves or returns it
create table registry.change_request (
  id           uuid primary key,
  person_id    uuid not null references registry.person (id),
  kind         varchar(30) not null,            -- CONTACT or a part kind (DEGREE, FOREIGN_LANGUAGE, ...)
  valid_from   date,
  valid_to     date,
  attributes   jsonb not null,
  note         varchar(1000),
  status       varchar(10) not null check (status in ('OPEN', 'APPROVED', 'RETURNED')),
  created_by   varchar(64) not null,
  created_at   timestamptz not null,
  decided_by   varchar(64),
  decided_at   timestamptz,
  reason       varchar(1000)
);
create index change_request_open on registry.change_request (status, created_at);
create index change_request_person on registry.change_request (person_id, created_at desc);

-- consent per purpose; the latest row of a (person, purpose) is in force, earlier rows are the history
create table registry.consent (
  id          bigserial primary key,
  person_id   uuid not null references registry.person (id),
  purpose     varchar(30) not null check (purpose in ('EXPERT_DIRECTORY', 'EVENT_CONTACT')),
  granted     boolean not null,
  at          timestamptz not null,
  actor       varchar(64) not null
);
create index consent_person_purpose on registry.consent (person_id, purpose, id desc);
