-- a profile photo: the JPEG the registry made of the upload (at most 300 × 400 pixels, no metadata), apart from
-- registry.person so that the person rows, their imports and the search index stay as small as they were
create table registry.person_photo (
  person_id   uuid primary key references registry.person (id) on delete cascade,
  content     bytea not null,
  size        int not null check (size > 0),
  sha256      char(64) not null,
  updated_at  timestamptz not null,
  updated_by  varchar(200) not null
);
