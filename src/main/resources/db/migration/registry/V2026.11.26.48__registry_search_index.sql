-- The in-memory search index (SearchIndex, issue 6) of every application instance reads again, every few
-- seconds, the people changed by other instances: by updated_at.
create index person_updated_at on registry.person (updated_at);
