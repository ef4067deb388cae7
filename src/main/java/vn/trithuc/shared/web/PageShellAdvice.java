package vn.trithuc.shared.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

import vn.trithuc.shared.DemoMode;
import vn.trithuc.shared.PageRequests;
import vn.trithuc.shared.NavigationItem;

/** What every page's shell needs: the navigation the user may see (none for an API call), and whether this is a demo. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageShellAdvice {

	private final List<NavigationItem> navigation;
	private final DemoMode demoMode;

	PageShellAdvice(List<NavigationItem> navigation, DemoMode demoMode) {
		this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.demoMode = demoMode;
	}

	@ModelAttribute("navigation")
	List<NavigationItem> navigation(Authentication authentication, HttpServletRequest request) {
		if (authentication == null || !PageRequests.rendersPage(request)) {
			return List.of();
		}
		var granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return navigation.stream().filter(item -> item.visibleTo(granted)).toList();
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demoMode.isActive();
	}
}
