create schema if not exists identity;

create table identity.user_account (
  id                   uuid primary key,
  version              int not null,
  username             varchar(64) not null,
  display_name         varchar(200) not null,
  email                varchar(254),
  password_hash        varchar(200) not null,
  enabled              boolean not null default true,
  must_change_password boolean not null default false,
  failed_attempts      int not null default 0,
  locked_until         timestamptz,
  password_changed_at  timestamptz,
  created_at           timestamptz not null,
  constraint user_account_username_lower check (username = lower(username))
);
create unique index user_account_username on identity.user_account (username);
create index user_account_display_name_fold on identity.user_account (shared.fold(display_name));

create table identity.user_role (
  user_account uuid not null references identity.user_account (id) on delete cascade,
  role         varchar(40) not null,
  primary key (user_account, role)
);
