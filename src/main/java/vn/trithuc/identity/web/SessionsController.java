package vn.trithuc.identity.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;
import vn.trithuc.identity.internal.AccountSessions;

/** My log-ins on every device: when, from where; end one that is not mine any more. */
@Controller
@RequestMapping("/account/sessions")
class SessionsController {

	private final AccountSessions sessions;

	SessionsController(AccountSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	String list(Principal principal, HttpSession session, Model model) {
		model.addAttribute("sessions", sessions.of(principal.getName(), session.getId()));
		return "identity/sessions";
	}

	@PostMapping("/revoke")
	String revoke(@RequestParam(defaultValue = "") String handle, Principal principal, RedirectAttributes redirect) {
		if (sessions.revoke(principal.getName(), handle)) {
			redirect.addFlashAttribute("success", "sessions.revoked");
		}
		return "redirect:/account/sessions";
	}
}
