package vn.trithuc.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the signed-in user can do, from the navigation the modules contribute. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}
}
