package vn.trithuc.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.UserNames;

@Component("userNames")
class JdbcUserNames implements UserNames {

	private final JdbcClient jdbc;

	JdbcUserNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String of(@Nullable String username) {
		if (username == null) {
			return "";
		}
		return jdbc.sql("select display_name from identity.user_account where username = :u").param("u", username)
			.query(String.class).optional().filter(n -> !n.isBlank()).orElse(username);
	}
}
