package vn.trithuc.shared.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page whose address holds an id that is no id at all ("/registry/people/abc") names nothing, like an id nobody
 * has: 404 "Không tìm thấy", not 400. A wrong query parameter stays 400, and so does the API's answer (a client that
 * sent a malformed id is told its request is malformed).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedIds {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void mismatch(MethodArgumentTypeMismatchException exception, HttpServletResponse response) throws IOException {
		var parameter = exception.getParameter();
		boolean api = parameter.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(parameter.getContainingClass(), ResponseBody.class);
		response.sendError(!api && parameter.hasParameterAnnotation(PathVariable.class)
				? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
	}
}
