-- Reorganisation (2025): when an org unit is merged, split or dissolved, its reporting units end and the units
-- carrying it on take over; their reports stay under the old names (history readable), not-yet-sent reports of
-- open periods move to the successor, and a program owned by the ended unit passes to the successor.
alter table program.reporting_unit add column ended_on date;

create table program.reporting_unit_successor (
  unit_id       uuid not null references program.reporting_unit (id) on delete cascade,
  successor_id  uuid not null references program.reporting_unit (id) on delete cascade,
  position      int not null,
  effective_on  date not null,
  primary key (unit_id, successor_id)
);
create index reporting_unit_successor_to on program.reporting_unit_successor (successor_id);

-- the unit that owns the program today (null = its issuer); the issuer itself stays as written
alter table program.action_program add column owner_org_unit_id uuid;
