package vn.trithuc.shared.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} fails inside Tomcat when the first filter asks for
 * a parameter (CSRF), and fails again on the error page's own dispatch, so the user got Tomcat's bare English page
 * (with an inline style the CSP blocks). This filter parses multipart requests first: when parsing fails it answers
 * 413 (too large) or 400 through the normal error page, whose dispatch then sees only the query string.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedUploadFilter extends OncePerRequestFilter {

	private static final String REFUSED = RefusedUploadFilter.class.getName() + ".refused";

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		if (!multipart) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getDispatcherType() == DispatcherType.ERROR || request.getAttribute(REFUSED) != null) {
			chain.doFilter(new QueryOnly(request), response);
			return;
		}
		if (request.getCharacterEncoding() == null) {
			// this filter runs before CharacterEncodingFilter: without it the text fields of a browser's multipart form
			// (sent without a charset) were read as ISO-8859-1 ("TrÆ°á»ng" for "Trường")
			request.setCharacterEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
		}
		try {
			request.getParameterMap();
		}
		catch (RuntimeException e) {
			request.setAttribute(REFUSED, Boolean.TRUE);
			boolean tooLarge = causes(e).contains("SizeLimitExceeded") || causes(e).contains("SizeException");
			logger.info("Upload refused before parsing: " + e.getMessage());
			response.sendError(tooLarge ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static String causes(Throwable e) {
		var names = new StringBuilder();
		for (Throwable t = e; t != null && names.length() < 2000; t = t.getCause()) {
			names.append(t.getClass().getSimpleName()).append(' ');
		}
		return names.toString();
	}

	/** The request with parameters from the query string only (the body is never parsed again). */
	private static final class QueryOnly extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters = new LinkedHashMap<>();

		QueryOnly(HttpServletRequest request) {
			super(request);
			var query = request.getQueryString();
			if (query != null) {
				for (var pair : query.split("&")) {
					int eq = pair.indexOf('=');
					var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
					var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
					parameters.merge(name, new String[] { value }, (a, b) -> {
						var all = java.util.Arrays.copyOf(a, a.length + 1);
						all[a.length] = b[0];
						return all;
					});
				}
			}
		}

		@Override
		public String getParameter(String name) {
			var values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Collections.unmodifiableMap(parameters);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}
	}
}
