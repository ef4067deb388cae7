package vn.trithuc.identity.internal;

import java.io.IOException;
import java.time.Clock;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What happens after a login attempt: failures are counted and lock the account at the limit; a success
 * resets the count and, for a one-time password, leads straight to the password change.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String PASSWORD_CHANGE_REQUIRED = "trithuc.passwordChangeRequired";

	private final UserAccounts accounts;
	private final IdentitySettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginOutcomes(UserAccounts accounts, IdentitySettings settings, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
		afterLogin.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason;
		if (exception instanceof LockedException) {
			reason = "locked";
		}
		else if (exception instanceof DisabledException) {
			reason = "disabled";
		}
		else {
			var username = request.getParameter("username");
			boolean lockedNow = username != null && Boolean.TRUE.equals(transactions.execute(status -> accounts
				.findByUsername(UserAccount.normaliseUsername(username))
				.map(account -> {
					boolean locked = account.recordFailedLogin(clock.instant(), settings.maxFailedAttempts(),
							settings.lockoutDuration());
					accounts.save(account);
					return locked;
				})
				.orElse(false)));
			reason = lockedNow ? "locked" : "error";
		}
		response.sendRedirect(request.getContextPath() + "/login?" + reason);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		boolean mustChange = Boolean.TRUE.equals(transactions.execute(status -> accounts
			.findByUsername(authentication.getName())
			.map(account -> {
				account.recordSuccessfulLogin();
				accounts.save(account);
				return account.mustChangePassword();
			})
			.orElse(false)));
		if (mustChange) {
			request.getSession().setAttribute(PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
			response.sendRedirect(request.getContextPath() + "/account/password");
			return;
		}
		afterLogin.onAuthenticationSuccess(request, response, authentication);
	}
}
