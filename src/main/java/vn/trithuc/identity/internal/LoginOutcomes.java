package vn.trithuc.identity.internal;

import java.io.IOException;
import java.time.Clock;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.trithuc.identity.SecurityEventType;
import vn.trithuc.identity.internal.LoginSteps.PendingSecondFactor;

/**
 * What happens after a login attempt: failures are counted and lock the account at the limit. A correct
 * password of a user with a second factor does not log in yet: the session only remembers a pending login
 * and the code page follows. A complete login resets the count and leads to the steps still owed (password
 * change, second-factor set-up) or to the page first asked for.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String REMOTE_ADDRESS = "trithuc.remoteAddress";
	static final String USER_AGENT = "trithuc.userAgent";
	/** The account's display name, for the page header ("Trần Minh Tuấn" rather than the user name). */
	static final String DISPLAY_NAME = "trithuc.displayName";
	static final String SINGLE_SIGN_ON = "trithuc.singleSignOn";

	private final UserAccounts accounts;
	private final IdentitySettings settings;
	private final SecondFactors secondFactors;
	private final SecurityEvents audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();
	private final org.springframework.security.web.savedrequest.RequestCache requestCache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
	final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	LoginOutcomes(UserAccounts accounts, IdentitySettings settings, SecondFactors secondFactors, SecurityEvents audit,
			TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.secondFactors = secondFactors;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		afterLogin.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		var typed = request.getParameter("username");
		var username = typed == null ? "" : UserAccount.normaliseUsername(typed);
		String reason;
		if (exception instanceof LockedException) {
			reason = "locked";
			transactions.executeWithoutResult(s -> audit.record(SecurityEventType.LOGIN_FAILED, username, username,
					"locked"));
		}
		else if (exception instanceof DisabledException) {
			reason = "disabled";
			transactions.executeWithoutResult(s -> audit.record(SecurityEventType.LOGIN_FAILED, username, username,
					"disabled"));
		}
		else {
			boolean lockedNow = Boolean.TRUE.equals(transactions.execute(status -> {
				var account = accounts.findByUsername(username);
				audit.record(SecurityEventType.LOGIN_FAILED, username.isEmpty() ? "-" : username,
						account.map(UserAccount::username).orElse(null),
						account.isPresent() ? "wrong password" : "unknown user");
				return account.map(a -> {
					boolean locked = a.recordFailedLogin(clock.instant(), settings.maxFailedAttempts(),
							settings.lockoutDuration());
					accounts.save(a);
					if (locked) {
						audit.record(SecurityEventType.ACCOUNT_LOCKED, a.username(), a.username(), "password");
					}
					return locked;
				}).orElse(false);
			}));
			reason = lockedNow ? "locked" : "error";
		}
		response.sendRedirect(request.getContextPath() + "/login?" + reason);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		boolean singleSignOn = authentication instanceof OAuth2AuthenticationToken;
		if (!singleSignOn && secondFactors.enabled(authentication.getName())) {
			// the password was right, but this is not a login yet: forget the authentication, remember who waits
			var empty = SecurityContextHolder.createEmptyContext();
			SecurityContextHolder.clearContext();
			contexts.saveContext(empty, request, response);
			request.getSession().setAttribute(PendingSecondFactor.ATTRIBUTE,
					new PendingSecondFactor(authentication.getName(), clock.instant()));
			response.sendRedirect(request.getContextPath() + "/login/second-factor");
			return;
		}
		complete(request, response, authentication, singleSignOn ? "single sign-on" : "password");
	}

	/** A login is complete (password, password and second factor, or single sign-on). */
	void complete(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			String method) throws IOException, ServletException {
		var owed = finish(request, authentication, method);
		if (owed != null) {
			response.sendRedirect(request.getContextPath() + owed);
			return;
		}
		afterLogin.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * A login is complete, for a script (the passkey step): like {@link #complete}, but answers the address to go
	 * to instead of redirecting.
	 */
	String completeForScript(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			String method) {
		var owed = finish(request, authentication, method);
		if (owed != null) {
			return request.getContextPath() + owed;
		}
		var saved = requestCache.getRequest(request, response);
		if (saved != null) {
			requestCache.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return request.getContextPath() + "/";
	}

	/** @return the step still owed (password change, second-factor set-up), or null */
	private String finish(HttpServletRequest request, Authentication authentication, String method) {
		boolean singleSignOn = authentication instanceof OAuth2AuthenticationToken;
		var steps = transactions.execute(status -> accounts.findByUsername(authentication.getName()).map(account -> {
			account.recordSuccessfulLogin();
			accounts.save(account);
			audit.record(SecurityEventType.LOGIN_SUCCEEDED, account.username(), account.username(), method);
			request.getSession().setAttribute(DISPLAY_NAME, account.displayName());
			return new boolean[] { account.mustChangePassword() && !singleSignOn,
					secondFactors.setupRequired(account) && !singleSignOn };
		}).orElse(new boolean[] { false, false }));
		var session = request.getSession();
		session.setAttribute(REMOTE_ADDRESS, request.getRemoteAddr());
		var agent = request.getHeader("User-Agent");
		session.setAttribute(USER_AGENT, agent == null ? "" : agent.length() > 300 ? agent.substring(0, 300) : agent);
		if (singleSignOn) {
			session.setAttribute(SINGLE_SIGN_ON, Boolean.TRUE);
		}
		if (steps[0]) {
			session.setAttribute(LoginSteps.PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
		}
		if (steps[1]) {
			session.setAttribute(LoginSteps.SECOND_FACTOR_SETUP_REQUIRED, Boolean.TRUE);
		}
		return LoginSteps.owedStep(session);
	}
}
