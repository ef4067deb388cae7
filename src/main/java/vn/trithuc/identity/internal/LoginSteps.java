package vn.trithuc.identity.internal;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The steps a login may still owe, kept in the (JDBC, hence serialisable) session: a forced password change,
 * then setting up the second factor for administrators. Until they are done every page leads there.
 * (A login still waiting for its second-factor code is not authenticated at all: see {@link PendingSecondFactor}.)
 */
class LoginSteps extends OncePerRequestFilter {

	static final String PASSWORD_CHANGE_REQUIRED = "trithuc.passwordChangeRequired";
	static final String SECOND_FACTOR_SETUP_REQUIRED = "trithuc.secondFactorSetupRequired";
	static final String PASSWORD_PATH = "/account/password";
	static final String SECOND_FACTOR_PATH = "/account/second-factor";

	/** A login that passed the password and waits for the second-factor code. */
	record PendingSecondFactor(String username, Instant since) implements Serializable {
		static final String ATTRIBUTE = "trithuc.pendingSecondFactor";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var target = owedStep(request.getSession(false));
		var path = request.getRequestURI().substring(request.getContextPath().length());
		if (target != null && !allowed(path, target)) {
			var location = request.getContextPath() + target;
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", location);
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else if (path.startsWith("/api/")) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
			else {
				response.sendRedirect(location);
			}
			return;
		}
		if (target != null) {
			request.setAttribute(vn.trithuc.identity.LoginStepOwed.ATTRIBUTE, target);
		}
		chain.doFilter(request, response);
	}

	static String owedStep(HttpSession session) {
		if (session == null) {
			return null;
		}
		if (session.getAttribute(PASSWORD_CHANGE_REQUIRED) != null) {
			return PASSWORD_PATH;
		}
		if (session.getAttribute(SECOND_FACTOR_SETUP_REQUIRED) != null) {
			return SECOND_FACTOR_PATH;
		}
		return null;
	}

	private static boolean allowed(String path, String target) {
		if (target.equals(SECOND_FACTOR_PATH) && (path.equals("/webauthn/register") || path.startsWith("/webauthn/register/"))) {
			return true; // a passkey is a second factor too
		}
		return path.equals(target) || path.startsWith(target + "/") || path.equals("/logout") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/img/")
				|| path.equals("/error") || path.equals("/favicon.ico");
	}
}
