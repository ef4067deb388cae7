-- The computed path (dates without a snapshot, other boundaries, scopes) groups analytics.fact_period in SQL only:
-- ages by comparing the birth date with thresholds, areas by residence (and the unit only for residences split
-- among several successors). analytics.residence lists the residences recorded, so that the split ones are known
-- before the scan. Unit officers' scopes read through the index on org_unit.
create table analytics.residence (
  id uuid primary key
);
insert into analytics.residence (id) select distinct residence from analytics.fact_period where residence is not null;
create index fact_period_org_unit on analytics.fact_period (org_unit);
