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
