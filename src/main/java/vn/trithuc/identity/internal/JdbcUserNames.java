package vn.trithuc.identity.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;

import vn.trithuc.identity.UserNames;

@Component("userNames")
class JdbcUserNames implements UserNames {

	private static final String KNOWN = JdbcUserNames.class.getName() + ".known";

	private final JdbcClient jdbc;

	JdbcUserNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Pages name the same few people on many rows (a report's history, a review's revisions): each name is read once
	 * a request.
	 */
	@Override
	public String of(@Nullable String username) {
		if (username == null) {
			return "";
		}
		var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return read(username);
		}
		@SuppressWarnings("unchecked")
		var known = (java.util.Map<String, String>) request.getAttribute(KNOWN, RequestAttributes.SCOPE_REQUEST);
		if (known == null) {
			known = new java.util.HashMap<>();
			request.setAttribute(KNOWN, known, RequestAttributes.SCOPE_REQUEST);
		}
		return known.computeIfAbsent(username, this::read);
	}

	private String read(String username) {
		return jdbc.sql("select display_name from identity.user_account where username = :u").param("u", username)
			.query(String.class).optional().filter(n -> !n.isBlank()).orElse(username);
	}
}
