-- Passkeys (WebAuthn) as an alternative second factor. The two tables follow Spring Security's schemas
-- (org/springframework/security/user-entities-schema.sql and user-credentials-schema-postgres.sql in
-- spring-security-web) so that its JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository
-- work on them; they live in schema identity (the repositories' SQL is qualified by PasskeyRepositories).

-- the WebAuthn user handle of a TriThức account (name = user_account.username)
create table identity.user_entities (
  id           varchar(1000) not null primary key,
  name         varchar(100)  not null,
  display_name varchar(200)
);
create unique index user_entities_name on identity.user_entities (name);

create table identity.user_credentials (
  credential_id                varchar(1000) not null primary key,
  user_entity_user_id          varchar(1000) not null references identity.user_entities (id) on delete cascade,
  public_key                   bytea         not null,
  signature_count              bigint,
  uv_initialized               boolean,
  backup_eligible              boolean       not null,
  authenticator_transports     varchar(1000),
  public_key_credential_type   varchar(100),
  backup_state                 boolean       not null,
  attestation_object           bytea,
  attestation_client_data_json bytea,
  created                      timestamp,
  last_used                    timestamp,
  label                        varchar(1000) not null
);
create index user_credentials_user on identity.user_credentials (user_entity_user_id);

-- A passkey registration under way: Spring Security's options are not Serializable (spring-security#16431),
-- so they cannot live in the JDBC session; kept here by a hash of the session id, for a few minutes.
create table identity.passkey_registration (
  session_hash      char(64)     not null primary key,
  expires_at        timestamptz  not null,
  rp_id             varchar(253) not null,
  rp_name           varchar(200) not null,
  user_id           varchar(1000) not null,
  user_name         varchar(100) not null,
  user_display_name varchar(200),
  challenge         varchar(200) not null,
  algorithms        varchar(200) not null,
  user_verification varchar(20),
  resident_key      varchar(20),
  timeout_millis    bigint
);
create index passkey_registration_expires on identity.passkey_registration (expires_at);
