package vn.trithuc.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.Role;
import vn.trithuc.shared.DemoMode;
import vn.trithuc.shared.NavigationItem;
import vn.trithuc.shared.PageShellModel;

/**
 * The page shell's model goes to rendered views only: a response body (no view), a redirect or a forward costs
 * nothing (no module is asked: the notice bell's count is a query); what the handler set itself stays.
 */
@IntegrationTest
class PageShellTest {

	@Autowired
	List<NavigationItem> navigation;
	@Autowired
	DemoMode demoMode;

	@Test
	void only_a_rendered_view_gets_the_shell_and_the_handlers_own_attributes_stay() {
		var asked = new ArrayList<String>();
		PageShellModel module = (model, authentication, request, response) -> {
			asked.add(request.getRequestURI());
			model.put("moduleAttribute", authentication == null ? "anonymous" : authentication.getName());
		};
		var shell = new PageShell(navigation, demoMode, List.of(module));
		var response = new MockHttpServletResponse();

		shell.postHandle(request("/api/v1/registry/people", false), response, new Object(), null);
		var redirect = new ModelAndView("redirect:/registry");
		shell.postHandle(request("/registry/save", true), response, new Object(), redirect);
		var redirectView = new ModelAndView(new RedirectView("/registry"));
		shell.postHandle(request("/registry/save-view", true), response, new Object(), redirectView);
		shell.postHandle(request("/registry/forward", true), response, new Object(), new ModelAndView("forward:/x"));
		assertThat(asked).as("modules asked").isEmpty();
		assertThat(redirect.getModel()).isEmpty();
		assertThat(redirectView.getModel()).isEmpty();

		var page = new ModelAndView("registry/search");
		page.addObject("navigation", List.of());
		shell.postHandle(request("/registry", true), response, new Object(), page);
		assertThat(asked).containsExactly("/registry");
		assertThat(page.getModel()).containsEntry("moduleAttribute", "shell.officer")
			.containsEntry("demoMode", demoMode.isActive());
		assertThat(page.getModel().get("navigation")).as("the handler's own").isEqualTo(List.of());

		var anonymous = new ModelAndView("identity/login");
		shell.postHandle(request("/login", false), response, new Object(), anonymous);
		assertThat(anonymous.getModel()).containsEntry("moduleAttribute", "anonymous").containsEntry("navigation", List.of());

		var officer = new ModelAndView("home");
		shell.postHandle(request("/", true), response, new Object(), officer);
		assertThat((List<?>) officer.getModel().get("navigation")).as("what an HR officer may see")
			.extracting(item -> ((NavigationItem) item).path()).contains("/registry/people", "/registry/import").doesNotContain("/admin/users");
	}

	private static MockHttpServletRequest request(String uri, boolean signedIn) {
		var request = new MockHttpServletRequest("GET", uri);
		if (signedIn) {
			request.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated("shell.officer", null,
					List.of(new SimpleGrantedAuthority(Role.HR_OFFICER.authority()))));
		}
		return request;
	}
}
