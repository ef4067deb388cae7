package vn.trithuc.identity.internal;

import java.io.IOException;
import java.time.Clock;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.trithuc.identity.internal.LoginSteps.PendingSecondFactor;

/**
 * The passkey as the second step of a login ({@code POST /login/webauthn}, answered as JSON to
 * {@code /js/passkeys.js}). A passkey alone logs nobody in: it must belong to the user whose password was just
 * accepted ({@link PendingSecondFactor}); then the login completes like one with a TOTP code. Anything else is
 * refused, forgotten, and counts towards the lockout of the waiting user.
 */
@Component
class PasskeyLogin implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	static final String METHOD = "password and passkey";

	private final SecondFactors secondFactors;
	private final UserDetailsService users;
	private final LoginOutcomes outcomes;
	private final Clock clock;

	PasskeyLogin(SecondFactors secondFactors, UserDetailsService users, LoginOutcomes outcomes, Clock clock) {
		this.secondFactors = secondFactors;
		this.users = users;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication passkey) throws IOException {
		var session = request.getSession(false);
		var pending = pending(session);
		forget(request, response);
		if (pending == null) {
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, request.getContextPath() + "/login?expired");
			return;
		}
		if (!pending.username().equals(passkey.getName())) {
			refuse(request, response, session, pending, "passkey of another account");
			return;
		}
		var check = secondFactors.verifyPasskeyLogin(pending.username());
		if (check != SecondFactors.Check.ACCEPTED) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, request.getContextPath()
					+ (check == SecondFactors.Check.LOCKED ? "/login?locked" : "/login?disabled"));
			return;
		}
		session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
		request.changeSessionId();
		var user = users.loadUserByUsername(pending.username());
		if (user instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		outcomes.contexts.saveContext(context, request, response);
		var target = outcomes.completeForScript(request, response, authentication, METHOD);
		answer(response, HttpServletResponse.SC_OK, target);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		var session = request.getSession(false);
		var pending = pending(session);
		if (pending == null) {
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, request.getContextPath() + "/login?expired");
			return;
		}
		refuse(request, response, session, pending, "not accepted");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpSession session,
			PendingSecondFactor pending, String why) throws IOException {
		var check = secondFactors.passkeyFailed(pending.username(), why);
		if (check == SecondFactors.Check.LOCKED) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, request.getContextPath() + "/login?locked");
			return;
		}
		answer(response, HttpServletResponse.SC_UNAUTHORIZED, null);
	}

	/** The filter already stored the passkey's authentication: it is no login of its own. */
	private void forget(HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolder.clearContext();
		outcomes.contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
	}

	private PendingSecondFactor pending(HttpSession session) {
		if (session == null || !(session.getAttribute(PendingSecondFactor.ATTRIBUTE) instanceof PendingSecondFactor p)) {
			return null;
		}
		return p.since().plus(SecondFactorLogin.PENDING_FOR).isBefore(clock.instant()) ? null : p;
	}

	/** The answer the script reads: {@code {"authenticated": …, "redirectUrl": …}} (Spring Security's shape). */
	private static void answer(HttpServletResponse response, int status, String redirectUrl) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		var url = redirectUrl == null ? "null" : "\"" + redirectUrl.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		response.getWriter().write("{\"authenticated\":" + (status == HttpServletResponse.SC_OK) + ",\"redirectUrl\":"
				+ url + "}");
	}
}
