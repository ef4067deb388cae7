package vn.trithuc.shared.web;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.trithuc.shared.DemoMode;
import vn.trithuc.shared.NavigationItem;
import vn.trithuc.shared.PageShellModel;

/**
 * The page shell's model, added to a rendered view after the handler ran (a redirect, a forward or a response body is
 * left alone): the navigation the user may see, whether this is a demo, and what the modules' {@link PageShellModel}
 * beans add. An attribute the handler set itself stays.
 */
@Component
class PageShell implements HandlerInterceptor {

	private final List<NavigationItem> navigation;
	private final DemoMode demoMode;
	private final List<PageShellModel> models;

	PageShell(List<NavigationItem> navigation, DemoMode demoMode, List<PageShellModel> models) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.demoMode = demoMode;
		this.models = models;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || !rendered(view)) {
			return;
		}
		// the request's principal, as a handler's Authentication parameter sees it: null when anonymous
		var authentication = request.getUserPrincipal() instanceof Authentication a ? a : null;
		var model = view.getModel();
		if (!model.containsKey("navigation")) {
			model.put("navigation", authentication == null ? List.of() : visibleTo(authentication));
		}
		model.put("demoMode", demoMode.isActive());
		for (var each : models) {
			each.contribute(model, authentication, request, response);
		}
	}

	private List<NavigationItem> visibleTo(Authentication authentication) {
		var granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return navigation.stream().filter(item -> item.visibleTo(granted)).toList();
	}

	private static boolean rendered(ModelAndView view) {
		var name = view.getViewName();
		if (name != null) {
			return !name.startsWith("redirect:") && !name.startsWith("forward:");
		}
		return !(view.getView() instanceof SmartView smart && smart.isRedirectView());
	}
}
