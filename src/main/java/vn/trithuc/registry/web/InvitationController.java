package vn.trithuc.registry.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.trithuc.registry.internal.Invitations;
import vn.trithuc.registry.internal.Profiles;

/** An officer invites a person of their scope; the person opens their account from the one-time link. */
@Controller
class InvitationController {

	private final Invitations invitations;
	private final MessageSource messages;

	InvitationController(Invitations invitations, MessageSource messages) {
		this.invitations = invitations;
		this.messages = messages;
	}

	@PostMapping("/registry/people/{id}/invite")
	String invite(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		try {
			var sent = invitations.invite(id, Callers.of(authentication),
					ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
			if (sent.link() == null) {
				redirect.addFlashAttribute("success", "registry.invitation.sent");
				redirect.addFlashAttribute("invitedEmail", sent.email());
			}
			else {
				redirect.addFlashAttribute("success", "registry.invitation.noMail");
				redirect.addFlashAttribute("invitationLink", sent.link());
			}
		}
		catch (Profiles.UnknownPersonException e) {
			throw Exceptions.notFound();
		}
		catch (Invitations.NotInvitableException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/registry/people/" + id;
	}

	@GetMapping("/invitation/{token}")
	String form(@PathVariable String token, Model model) {
		var link = invitations.check(token);
		model.addAttribute("token", token);
		model.addAttribute("link", link);
		return "registry/invitation";
	}

	@PostMapping("/invitation/{token}")
	String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, Model model, Locale locale) {
		var link = invitations.check(token);
		model.addAttribute("token", token);
		model.addAttribute("link", link);
		if (link.state() != Invitations.LinkState.VALID) {
			return "registry/invitation";
		}
		if (!password.equals(confirmation)) {
			model.addAttribute("errors", java.util.List.of(messages.getMessage("registry.invitation.mismatch", null, locale)));
			return "registry/invitation";
		}
		var accepted = invitations.accept(token, password);
		if (!accepted.opened()) {
			model.addAttribute("link", invitations.check(token));
			model.addAttribute("errors", accepted.broken().stream()
				.map(b -> messages.getMessage(b.messageKey(), new Object[] { b.argument() }, locale)).toList());
			return "registry/invitation";
		}
		model.addAttribute("link", invitations.check(token));
		model.addAttribute("opened", true);
		return "registry/invitation";
	}
}
