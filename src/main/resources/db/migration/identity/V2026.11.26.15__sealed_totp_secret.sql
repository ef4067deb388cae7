-- TOTP secrets are stored sealed with AES-256-GCM ("v1:" + base64 of iv, ciphertext and tag): room for that.
alter table identity.user_account alter column totp_secret type varchar(200);
