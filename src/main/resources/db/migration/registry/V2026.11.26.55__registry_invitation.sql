-- an invitation to open an intellectual account linked to a profile: a one-time link (only the SHA-256 of its
-- token is kept) that expires; a new invitation replaces the open ones of the same person
create table registry.invitation (
  id          uuid primary key,
  person_id   uuid not null references registry.person (id),
  token_hash  char(64) not null,
  email       varchar(254) not null,
  created_by  varchar(64) not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  status      varchar(10) not null check (status in ('OPEN', 'USED', 'REPLACED')),
  closed_at   timestamptz,
  username    varchar(64)
);
create unique index invitation_token on registry.invitation (token_hash);
create index invitation_person on registry.invitation (person_id, created_at desc);

-- an erasure request of a person outside the public sector: a task with a deadline in the officers' queue,
-- executed (personal data anonymised, statistical facts kept) or refused with a reason
create table registry.erasure_request (
  id           uuid primary key,
  person_id    uuid not null references registry.person (id),
  reason       varchar(1000),
  status       varchar(10) not null check (status in ('OPEN', 'EXECUTED', 'REFUSED')),
  requested_by varchar(64) not null,
  requested_at timestamptz not null,
  due_on       date not null,
  decided_by   varchar(64),
  decided_at   timestamptz,
  refusal      varchar(1000)
);
create index erasure_request_open on registry.erasure_request (status, due_on);
create unique index erasure_request_one_open on registry.erasure_request (person_id) where status = 'OPEN';
