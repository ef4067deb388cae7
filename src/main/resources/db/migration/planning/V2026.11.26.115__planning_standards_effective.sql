-- Title standards change from a date: each job position (unit, title) keeps one row per standard with the first day it
-- is in force (null = in force since ever); compliance as of a date uses the row with the latest valid_from on or before
-- that date. Existing rows stay in force since ever.
alter table planning.job_position add column valid_from date;
drop index planning.job_position_title;
create unique index job_position_title_from on planning.job_position (org_unit, lower(title), coalesce(valid_from, date '-infinity'));
