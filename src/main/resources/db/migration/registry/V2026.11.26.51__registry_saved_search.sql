-- Saved searches (issue 6): per user, named; the caller's scope is applied again whenever one is run.
create table registry.saved_search (
  id          uuid primary key,
  owner       varchar(64) not null,
  name        varchar(100) not null,
  kind        varchar(10) not null check (kind in ('PEOPLE', 'EXPERTS')),
  query       varchar(500) not null,
  filters     jsonb not null,
  created_at  timestamptz not null,
  constraint saved_search_name unique (owner, name)
);
