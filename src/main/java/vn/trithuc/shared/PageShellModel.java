package vn.trithuc.shared;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a module adds to the model of every page the application renders (the navigation, the notice bell), as a
 * bean. It is asked after the handler and only when a view is rendered: an API call, a file download or a redirect
 * never asks, so it costs them nothing.
 */
public interface PageShellModel {

	/**
	 * @param model the view's model; an attribute the handler put there itself is not to be replaced
	 * @param authentication the signed-in user, null when anonymous
	 */
	void contribute(Map<String, Object> model, @Nullable Authentication authentication, HttpServletRequest request,
			HttpServletResponse response);
}
