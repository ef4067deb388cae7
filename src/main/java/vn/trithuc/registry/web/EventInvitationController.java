package vn.trithuc.registry.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.EventInvitations;

/**
 * Mời dự sự kiện: an officer finds people with the expert finder (within their scope), sees who agreed to be
 * contacted for events, and sends the invitation by e-mail to those only; the others are shown as not consenting.
 */
@Controller
class EventInvitationController {

	private final EventInvitations invitations;

	EventInvitationController(EventInvitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/registry/event-invitations")
	String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String details, Authentication authentication, Model model) {
		var candidates = invitations.candidates(q, Callers.of(authentication));
		model.addAttribute("q", q);
		model.addAttribute("title", title);
		model.addAttribute("details", details);
		model.addAttribute("candidates", candidates);
		model.addAttribute("consenting", candidates.stream()
			.filter(c -> c.contactability() == EventInvitations.Contactability.CONSENTED).count());
		model.addAttribute("mailConfigured", invitations.mailConfigured());
		return "registry/event-invitations";
	}

	@PostMapping("/registry/event-invitations")
	String send(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String details, Authentication authentication, RedirectAttributes redirect) {
		redirect.addAttribute("q", q);
		try {
			var outcome = invitations.send(title, details, q, Callers.of(authentication));
			redirect.addFlashAttribute("outcome", outcome);
		}
		catch (EventInvitations.NotSendableException e) {
			redirect.addAttribute("title", title);
			redirect.addAttribute("details", details);
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/registry/event-invitations";
	}
}
