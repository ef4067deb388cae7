package vn.trithuc.registry.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

final class Exceptions {

	private Exceptions() {
	}

	static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
