-- TOTP second factor (authenticator app) and its one-time recovery codes (stored as SHA-256 hashes).
alter table identity.user_account
  add column totp_secret varchar(64),
  add column totp_enabled_at timestamptz,
  add column totp_last_step bigint;

create table identity.recovery_code (
  user_account uuid not null references identity.user_account (id) on delete cascade,
  code_hash    char(64) not null,
  used_at      timestamptz,
  primary key (user_account, code_hash)
);
