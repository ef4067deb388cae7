package vn.trithuc;

import java.util.EnumSet;
import java.util.Arrays;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** Ready-to-use accounts for tests, made through the same API administrators use. */
public final class TestAccounts {

	public static final String PASSWORD = "Kiểm-thử-2026";

	private TestAccounts() {
	}

	/** Creates (once) an account that has already changed its one-time password to {@link #PASSWORD}. */
	public static String ready(UserAdministration administration, String username, Role... roles) {
		if (administration.findByUsername(username).isEmpty()) {
			var created = administration.create(username, "Tài khoản kiểm thử " + username, "",
					EnumSet.copyOf(Arrays.asList(roles)));
			var violations = administration.changeOwnPassword(username, created.oneTimePassword(), PASSWORD);
			if (!violations.isEmpty()) {
				throw new IllegalStateException("test password refused: " + violations);
			}
		}
		return username;
	}

	/** A logged-in HTTP session of a ready account. */
	public static WebClientSession loggedIn(int port, UserAdministration administration, String username,
			Role... roles) {
		ready(administration, username, roles);
		var web = new WebClientSession(port);
		var response = web.login(username, PASSWORD);
		if (response.status() != 302 || !response.header("Location").endsWith("/")) {
			throw new IllegalStateException("login failed: " + response.status() + " " + response.header("Location"));
		}
		return web;
	}
}
