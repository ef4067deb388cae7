package vn.trithuc.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At start, seals TOTP secrets stored in clear by earlier versions (idempotent; several instances may race). */
@Component
class SecretSealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SecretSealing.class);

	private final JdbcClient jdbc;
	private final SecretBox box;

	SecretSealing(JdbcClient jdbc, SecretBox box) {
		this.jdbc = jdbc;
		this.box = box;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		sealClearSecrets();
	}

	/** @return how many secrets were sealed now */
	@Transactional
	int sealClearSecrets() {
		record Clear(java.util.UUID id, String secret) {
		}
		var clear = jdbc.sql("select id, totp_secret as secret from identity.user_account where totp_secret is not null "
				+ "and totp_secret not like 'v1:%' for update").query(Clear.class).list();
		for (var row : clear) {
			jdbc.sql("update identity.user_account set totp_secret = :sealed where id = :id and totp_secret = :clear")
				.param("sealed", box.seal(row.secret()))
				.param("id", row.id())
				.param("clear", row.secret())
				.update();
		}
		if (!clear.isEmpty()) {
			log.info("Sealed {} second-factor secrets stored in clear", clear.size());
		}
		return clear.size();
	}
}
