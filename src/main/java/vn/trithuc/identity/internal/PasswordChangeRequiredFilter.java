package vn.trithuc.identity.internal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Until a one-time password is changed, every page leads to the password change. */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PATH = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(LoginOutcomes.PASSWORD_CHANGE_REQUIRED) != null
				&& !allowed(request.getRequestURI().substring(request.getContextPath().length()))) {
			var target = request.getContextPath() + CHANGE_PATH;
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", target);
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(CHANGE_PATH) || path.equals("/logout") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/img/")
				|| path.equals("/error") || path.equals("/favicon.ico");
	}
}
