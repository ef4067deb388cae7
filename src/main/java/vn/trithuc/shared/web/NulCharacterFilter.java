package vn.trithuc.shared.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * PostgreSQL cannot store the NUL character in text, so a form field carrying one failed deep in a write with a
 * 500. No legitimate form sends it: a request with NUL in a parameter name or value is answered 400 ("Yêu cầu không
 * hợp lệ") before anything runs. Runs after {@link RefusedUploadFilter}, which has already parsed multipart bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (var entry : request.getParameterMap().entrySet()) {
			boolean nul = entry.getKey().indexOf('\u0000') >= 0;
			for (var value : entry.getValue()) {
				nul |= value != null && value.indexOf('\u0000') >= 0;
			}
			if (nul) {
				response.sendError(HttpStatus.BAD_REQUEST.value());
				return;
			}
		}
		chain.doFilter(request, response);
	}
}
