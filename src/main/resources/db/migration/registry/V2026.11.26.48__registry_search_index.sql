-- Registry search runs on the in-memory SearchIndex of every application instance (issue 6); PostgreSQL stays the
-- source of truth and the SQL search the fallback (before the index has loaded, national/old IDs, an intellectual's
-- own profile).
-- Each instance reads again, every few seconds, the people changed by other instances: by updated_at.
create index if not exists person_updated_at on registry.person (updated_at);
-- Indexes only the SQL search used, and that cost imports most of their time: the Vietnamese (ICU) sort order, the
-- expertise documents and the fields of study. The GIN index of name tokens stays: it keeps the SQL fallback's name
-- search (the common case while the index loads after a start) fast at 1M people; without it each name search scans
-- the table.
drop index if exists registry.person_sort;
drop index if exists registry.person_expertise;
drop index if exists registry.person_fields;
