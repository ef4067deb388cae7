package vn.trithuc.identity.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.trithuc.identity.internal.OidcSettings;

@Controller
class LoginController {

	private final OidcSettings oidc;

	LoginController(OidcSettings oidc) {
		this.oidc = oidc;
	}

	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		model.addAttribute("singleSignOn", oidc.enabled());
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		return "identity/login";
	}
}
