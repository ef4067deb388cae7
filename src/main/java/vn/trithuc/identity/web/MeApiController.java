package vn.trithuc.identity.web;

import java.security.Principal;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** The caller's own account, for integrations and the client script. */
@RestController
class MeApiController {

	private final UserAdministration administration;

	MeApiController(UserAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/api/v1/identity/me")
	Me me(Principal principal) {
		var user = administration.findByUsername(principal.getName()).orElseThrow();
		return new Me(user.username(), user.displayName(), user.roles());
	}

	record Me(String username, String displayName, Set<Role> roles) {
	}
}
