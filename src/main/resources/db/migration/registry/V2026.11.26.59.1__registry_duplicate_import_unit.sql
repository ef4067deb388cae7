-- a row of an import routed to duplicate review keeps the unit and education level its file gave (or the uploader's
-- scope unit), so that an officer who registers it as a new person puts it where the import would have: a person
-- without a position is outside every unit officer's scope
alter table registry.duplicate_candidate add column org_unit uuid, add column degree varchar(30);
