package vn.trithuc.program.web;

import java.security.Principal;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.program.Notices;

/** The signed-in user's notices (thông báo): the list, one marked read (then opened), all marked read. */
@Controller
@RequestMapping("/notices")
class NoticeController {

	static final int SHOWN = 200;

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping
	String list(Principal principal, Model model) {
		model.addAttribute("notices", notices.notices(principal.getName(), SHOWN));
		return "program/notices";
	}

	/** Marks the notice read and opens the report it is about; only the user's own notices (404 otherwise). */
	@PostMapping("/{id}/read")
	String read(@PathVariable UUID id, Principal principal) {
		var notice = notices.markRead(id, principal.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:/program/reports/" + notice.reportId();
	}

	@PostMapping("/read-all")
	String readAll(Principal principal, RedirectAttributes redirect) {
		notices.markAllRead(principal.getName());
		redirect.addFlashAttribute("success", "notice.allRead");
		return "redirect:/notices";
	}

	/** The bell in the page header: how many unread notices the signed-in user has. */
	@ControllerAdvice(annotations = Controller.class)
	static class Bell {

		private final Notices notices;

		Bell(Notices notices) {
			this.notices = notices;
		}

		@ModelAttribute("unreadNotices")
		Integer unreadNotices(Authentication authentication) {
			return authentication == null || !authentication.isAuthenticated() ? null
					: notices.unread(authentication.getName());
		}
	}
}
