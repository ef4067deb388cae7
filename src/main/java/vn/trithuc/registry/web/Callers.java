package vn.trithuc.registry.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.trithuc.registry.internal.Caller;

final class Callers {

	private Callers() {
	}

	static Caller of(Authentication authentication) {
		return Caller.of(authentication.getName(),
				authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}
}
