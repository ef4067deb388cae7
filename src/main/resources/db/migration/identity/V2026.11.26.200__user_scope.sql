-- A user's scope: the org unit whose subtree the user works in (orgunit module id; no cross-schema FK).
-- Null = the whole organisation tree (administrators, provincial officers); unit officers need one.
alter table identity.user_account add column scope_org_unit uuid;
