-- Inspections and supervision (kiểm tra, giám sát) with recommendations followed to closure, and
-- dissemination sessions (quán triệt, tuyên truyền) with attendance by group.

create table program.inspection (
  id           uuid primary key,
  version      int not null default 0,
  program_id   uuid not null references program.action_program (id) on delete cascade,
  unit_id      uuid not null references program.reporting_unit (id) on delete cascade,
  -- INSPECTION (kiểm tra) or SUPERVISION (giám sát)
  kind         varchar(20) not null,
  planned_on   date not null,
  held_on      date,
  findings     text,
  created_at   timestamptz not null,
  created_by   varchar(64) not null
);
create index inspection_program on program.inspection (program_id, planned_on);

create table program.recommendation (
  id            uuid primary key,
  version       int not null default 0,
  inspection_id uuid not null references program.inspection (id) on delete cascade,
  position      int not null,
  text          text not null,
  due_on        date not null,
  -- OPEN, RESPONDED, CLOSED
  status        varchar(20) not null,
  response      text,
  responded_at  timestamptz,
  responded_by  varchar(64),
  closing_note  text,
  closed_at     timestamptz,
  closed_by     varchar(64),
  check (status <> 'CLOSED' or (closed_at is not null and closing_note is not null))
);

create table program.dissemination_session (
  id           uuid primary key,
  program_id   uuid not null references program.action_program (id) on delete cascade,
  unit_id      uuid not null references program.reporting_unit (id) on delete cascade,
  held_on      date not null,
  -- IN_PERSON, ONLINE, COMBINED (lồng ghép vào sinh hoạt chi bộ, hội nghị khác)
  form         varchar(20) not null,
  title        text not null,
  created_at   timestamptz not null,
  created_by   varchar(64) not null
);
create index dissemination_program on program.dissemination_session (program_id, held_on);

-- participants by group: PARTY_MEMBERS, CIVIL_SERVANTS, INTELLECTUALS, PEOPLE
create table program.dissemination_attendance (
  session_id   uuid not null references program.dissemination_session (id) on delete cascade,
  participant_group varchar(20) not null,
  participants int not null check (participants >= 0),
  primary key (session_id, participant_group)
);
