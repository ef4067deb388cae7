package vn.trithuc.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.trithuc.identity.internal.LoginSteps.PendingSecondFactor;

/**
 * The second half of a login with a second factor: the code page. Only a correct code (or an unused
 * recovery code) turns the pending login into an authenticated session, with a new session id.
 */
@Component
public class SecondFactorLogin {

	/** How long the code page waits after the password. */
	static final Duration PENDING_FOR = Duration.ofMinutes(5);

	private final SecondFactors secondFactors;
	private final UserDetailsService users;
	private final LoginOutcomes outcomes;
	private final Clock clock;

	SecondFactorLogin(SecondFactors secondFactors, UserDetailsService users, LoginOutcomes outcomes, Clock clock) {
		this.secondFactors = secondFactors;
		this.users = users;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	/** Whether this session waits for a second-factor code (and not for too long). */
	public boolean pending(HttpSession session) {
		return pendingLogin(session) != null;
	}

	/** The user whose login waits for the second factor, or null. */
	public String pendingUsername(HttpSession session) {
		var pending = pendingLogin(session);
		return pending == null ? null : pending.username();
	}

	/**
	 * Checks the code; on success the response is already sent (redirect to the next step or the page first
	 * asked for).
	 *
	 * @return null when the response was sent, else the reason to show on the code page or the login page
	 */
	public Refusal verify(String code, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		var session = request.getSession(false);
		var pending = pendingLogin(session);
		if (pending == null) {
			return Refusal.EXPIRED;
		}
		var check = secondFactors.verifyLogin(pending.username(), code);
		switch (check) {
			case WRONG:
				return Refusal.WRONG_CODE;
			case LOCKED:
				session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
				return Refusal.LOCKED;
			case DISABLED:
				session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
				return Refusal.DISABLED;
			default:
				break;
		}
		session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
		request.changeSessionId();
		var user = users.loadUserByUsername(pending.username());
		if (user instanceof org.springframework.security.core.CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		outcomes.contexts.saveContext(context, request, response);
		outcomes.complete(request, response, authentication, "password and second factor");
		return null;
	}

	private PendingSecondFactor pendingLogin(HttpSession session) {
		if (session == null || !(session.getAttribute(PendingSecondFactor.ATTRIBUTE) instanceof PendingSecondFactor p)) {
			return null;
		}
		if (p.since().plus(PENDING_FOR).isBefore(clock.instant())) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			return null;
		}
		return p;
	}

	public enum Refusal {
		/** stay on the code page with a message */
		WRONG_CODE,
		/** back to the login page */
		EXPIRED, LOCKED, DISABLED
	}
}
