package vn.trithuc;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** Ready-to-use accounts for tests, made through the same API administrators use. */
public final class TestAccounts {

	public static final String PASSWORD = "Kiểm-thử-2026";
	private static final Pattern SECRET = Pattern.compile("data-secret=\"([A-Z2-7]+)\"");
	private static final Pattern RECOVERY_CODE = Pattern.compile("<code class=\"recovery-code\">([a-z0-9-]+)</code>");
	/** Recovery codes of the accounts whose second factor the helper set up, for their next logins. */
	private static final Map<String, Deque<String>> RECOVERY_CODES = new ConcurrentHashMap<>();

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

	/** A ready account with these roles whose unit scope is the subtree of {@code unit}. @return the username */
	public static String scoped(UserAdministration administration, vn.trithuc.identity.UserScopes scopes, String username,
			java.util.UUID unit, Role... roles) {
		ready(administration, username, roles);
		scopes.assign(administration.findByUsername(username).orElseThrow().id(), unit, "test");
		return username;
	}

	/**
	 * A logged-in HTTP session of a ready account. Administrators go through the second factor as they must:
	 * the first login sets up TOTP through its pages, later ones use a recovery code.
	 */
	public static WebClientSession loggedIn(int port, UserAdministration administration, String username,
			Role... roles) {
		ready(administration, username, roles);
		var web = new WebClientSession(port);
		var response = web.login(username, PASSWORD);
		var location = response.header("Location");
		if (location != null && location.endsWith("/login/second-factor")) {
			var codes = RECOVERY_CODES.get(username);
			if (codes == null || codes.isEmpty()) {
				throw new IllegalStateException("no recovery code left for " + username);
			}
			var page = web.get("/login/second-factor");
			response = web.postForm("/login/second-factor",
					Map.of("code", codes.pop(), "_csrf", WebClientSession.csrfToken(page.body())));
			location = response.header("Location");
		}
		if (location != null && location.endsWith("/account/second-factor")) {
			setUpSecondFactor(web, username);
			location = "/";
		}
		if (response.status() != 302 || location == null || !location.endsWith("/")) {
			throw new IllegalStateException("login failed: " + response.status() + " " + location);
		}
		return web;
	}

	/** Sets up TOTP through the account page of a logged-in session. @return the shared secret */
	public static String setUpSecondFactor(WebClientSession web, String username) {
		var page = web.get("/account/second-factor");
		var matcher = SECRET.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("no secret on the set-up page");
		}
		var secret = matcher.group(1);
		var confirmed = web.postForm("/account/second-factor",
				Map.of("code", totp(secret, 0), "_csrf", WebClientSession.csrfToken(page.body())));
		if (confirmed.status() != 302) {
			throw new IllegalStateException("second factor not confirmed: " + confirmed.status());
		}
		var shown = web.get("/account/second-factor").body();
		var codes = new ArrayDeque<String>();
		var code = RECOVERY_CODE.matcher(shown);
		while (code.find()) {
			codes.add(code.group(1));
		}
		RECOVERY_CODES.put(username, codes);
		return secret;
	}

	/** Takes one unused recovery code of {@code username} (for a browser login of an administrator). */
	public static String takeRecoveryCode(String username) {
		var codes = RECOVERY_CODES.get(username);
		if (codes == null || codes.isEmpty()) {
			throw new IllegalStateException("no recovery code left for " + username);
		}
		return codes.pop();
	}

	/** The unused recovery codes the helper kept for {@code username}. */
	public static java.util.List<String> recoveryCodes(String username) {
		return java.util.List.copyOf(RECOVERY_CODES.getOrDefault(username, new ArrayDeque<>()));
	}

	/** The TOTP code of {@code secret} for the current 30-second step plus {@code stepOffset}. */
	public static String totp(String secret, int stepOffset) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
					Instant.now().getEpochSecond() / 30 + stepOffset);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException(e);
		}
	}
}
