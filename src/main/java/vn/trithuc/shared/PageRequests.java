package vn.trithuc.shared;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is answered with a page (a view) rather than a body (JSON, a file): what the page shell's model
 * attributes (navigation, the notice bell) ask before they cost anything, so that an API call does not read them.
 */
public final class PageRequests {

	private PageRequests() {
	}

	/** @return false for a handler method whose result is the response body ({@code @ResponseBody}, a ResponseEntity) */
	public static boolean rendersPage(HttpServletRequest request) {
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
			return true;
		}
		return !(handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				|| HttpEntity.class.isAssignableFrom(handler.getMethod().getReturnType()));
	}
}
