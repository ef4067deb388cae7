-- Reminders (đôn đốc): who is urged about which report, how, when and by whom.
alter table program.reporting_unit add column contact_email varchar(254);
-- escalation goes to the unit's leader (or head contact) after M days late
alter table program.reporting_unit add column leader_email varchar(254);

create table program.reminder (
  id          uuid primary key,
  report_id   uuid not null references program.unit_report (id) on delete cascade,
  -- MANUAL (a person clicked Đôn đốc), BEFORE_DEADLINE, OVERDUE, ESCALATION
  kind        varchar(20) not null,
  sent_at     timestamptz not null,
  sent_by     varchar(64) not null,
  -- null when the unit has no address: the reminder is then an in-app notice only
  recipient   varchar(254),
  -- SENT, NO_ADDRESS, NO_MAIL_SERVER, FAILED
  outcome     varchar(20) not null
);
create index reminder_report on program.reminder (report_id, kind);
