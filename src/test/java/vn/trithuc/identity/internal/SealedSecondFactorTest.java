package vn.trithuc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;

/** TOTP secrets never sit in the database in clear: a database copy alone cannot produce second-factor codes. */
@IntegrationTest
class SealedSecondFactorTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	SecondFactors secondFactors;
	@Autowired
	SecretSealing sealing;
	@Autowired
	SecretBox box;
	@Autowired
	JdbcClient jdbc;

	@Test
	void the_stored_secret_is_sealed_and_a_clear_one_from_an_earlier_version_is_sealed_at_start() {
		var user = TestAccounts.ready(administration, "totp.sealed", Role.PROGRAM_MANAGER);
		var web = new WebClientSession(port);
		web.login(user, TestAccounts.PASSWORD);
		var secret = TestAccounts.setUpSecondFactor(web, user);

		var stored = storedSecret(user);
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		assertThat(box.open(stored)).isEqualTo(secret);
		assertThat(secondFactors.verifyLogin(user, TestAccounts.totp(secret, 1)))
			.isEqualTo(SecondFactors.Check.ACCEPTED);

		// as an earlier version stored it
		jdbc.sql("update identity.user_account set totp_secret = :s, totp_last_step = null where username = :u").param("s", secret)
			.param("u", user).update();
		assertThat(sealing.sealClearSecrets()).isGreaterThanOrEqualTo(1);
		assertThat(storedSecret(user)).startsWith("v1:").doesNotContain(secret);
		assertThat(sealing.sealClearSecrets()).as("idempotent").isZero();
		assertThat(secondFactors.verifyLogin(user, TestAccounts.totp(secret, 0)))
			.isEqualTo(SecondFactors.Check.ACCEPTED);
		assertThat(secondFactors.verifyLogin(user, "000000")).isEqualTo(SecondFactors.Check.WRONG);
	}

	@Test
	void the_key_file_is_created_once_private_and_another_key_cannot_open(@TempDir Path dir) throws Exception {
		var file = dir.resolve("keys").resolve("secret.key");
		var first = new SecretBox("", file);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		var sealed = first.seal("JBSWY3DPEHPK3PXP");
		assertThat(first.seal("JBSWY3DPEHPK3PXP")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(new SecretBox("", file).open(sealed)).as("the same file, the same key").isEqualTo("JBSWY3DPEHPK3PXP");

		var other = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]), file);
		assertThatThrownBy(() -> other.open(sealed)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("trithuc.identity.secret-key");
		assertThatThrownBy(() -> new SecretBox("c2hvcnQ=", file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("32 bytes");
		assertThat(other.open("CLEARTEXT")).as("an unsealed legacy value passes through").isEqualTo("CLEARTEXT");
	}

	private String storedSecret(String user) {
		return jdbc.sql("select totp_secret from identity.user_account where username = :u").param("u", user)
			.query(String.class).single();
	}
}
