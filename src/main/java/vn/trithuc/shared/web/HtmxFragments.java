package vn.trithuc.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A boosted htmx navigation gets only the page's {@code #content} (a few KB) instead of the whole shell;
 * the same URL without htmx returns the full page.
 */
@Component
class HtmxFragments implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || !isBoostedNavigation(request)) {
			return;
		}
		var view = modelAndView.getViewName();
		if (view != null && !view.startsWith("redirect:") && !view.startsWith("forward:") && !view.contains("::")
				&& !view.startsWith("identity/login")) {
			modelAndView.setViewName(view + " :: #content");
			modelAndView.addObject("htmxFragment", true);
		}
		response.setHeader("Vary", "HX-Request");
	}

	static boolean isBoostedNavigation(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request")) && request.getHeader("HX-History-Restore-Request") == null
				&& "content".equals(request.getHeader("HX-Target"));
	}
}
