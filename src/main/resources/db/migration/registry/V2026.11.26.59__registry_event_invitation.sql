-- invitations to an event (dialogue, meeting, seminar) sent to people found in the registry: only people whose
-- latest EVENT_CONTACT consent is a grant are contacted (checked when sending); every person of the list is kept with
-- the outcome, so that it can be shown who was invited and who was left out for lack of consent
create table registry.event_invitation (
  id        uuid primary key,
  title     varchar(300) not null,
  details   varchar(2000),
  query     varchar(500) not null,
  sent_by   varchar(64) not null,
  sent_at   timestamptz not null
);
create index event_invitation_sent on registry.event_invitation (sent_by, sent_at desc);

create table registry.event_invitation_recipient (
  invitation_id  uuid not null references registry.event_invitation (id),
  person_id      uuid not null references registry.person (id),
  outcome        varchar(12) not null check (outcome in ('SENT', 'NO_CONSENT', 'NO_EMAIL', 'FAILED')),
  primary key (invitation_id, person_id)
);
create index event_invitation_recipient_person on registry.event_invitation_recipient (person_id);
