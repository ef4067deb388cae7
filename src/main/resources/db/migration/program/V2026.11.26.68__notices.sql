-- In-app notices (thông báo): a reminder, an overdue report, an escalation to the unit's leaders, an urging,
-- a report returned or accepted. One row per recipient (user name); the user marks it read.
create table program.notice (
  id          uuid primary key,
  username    varchar(64) not null,
  -- BEFORE_DEADLINE, OVERDUE, ESCALATION, MANUAL, RETURNED, ACCEPTED
  kind        varchar(20) not null,
  report_id   uuid not null references program.unit_report (id) on delete cascade,
  -- the names as they were when the notice was made (a unit may be renamed or merged later)
  unit_name   varchar(300) not null,
  period_name varchar(300) not null,
  -- what made it (reminder:<id>, report-event:<id>): a notice is made once per recipient and source
  source      varchar(100) not null,
  created_at  timestamptz not null,
  read_at     timestamptz
);
create unique index notice_once on program.notice (username, source);
create index notice_by_user on program.notice (username, created_at desc);

-- Each automatic reminder kind goes once per report, even when two instances run the pass at the same time.
delete from program.reminder a using program.reminder b
where a.kind <> 'MANUAL' and a.report_id = b.report_id and a.kind = b.kind
  and (a.sent_at, a.id::text) > (b.sent_at, b.id::text);
create unique index reminder_once on program.reminder (report_id, kind) where kind <> 'MANUAL';
