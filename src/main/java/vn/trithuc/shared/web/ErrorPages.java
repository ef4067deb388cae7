package vn.trithuc.shared.web;

import java.util.Locale;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every error the container routes to /error: a Vietnamese page for people, problem details for the API;
 * never a stack trace or exception message.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(value = "/error", produces = "text/html")
	Object page(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		var status = status(request);
		if (isApi(request)) {
			return problem(request, locale);
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("titleKey", key(status) + ".title");
		model.addAttribute("detailKey", key(status) + ".detail");
		return "error";
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Locale locale) {
		var status = status(request);
		var problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(key(status) + ".detail", null, locale));
		problem.setTitle(messages.getMessage(key(status) + ".title", null, locale));
		var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.setInstance(java.net.URI.create(String.valueOf(path).replace(" ", "%20")));
		}
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static boolean isApi(HttpServletRequest request) {
		var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return path != null && String.valueOf(path).startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer c)) {
			return HttpStatus.NOT_FOUND; // /error opened directly: there is nothing here
		}
		var status = HttpStatus.resolve(c);
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	static String key(HttpStatus status) {
		return switch (status.value()) {
			case 400, 401, 403, 404, 405, 409, 413, 415 -> "error." + status.value();
			default -> status.is4xxClientError() ? "error.400" : "error.500";
		};
	}
}
