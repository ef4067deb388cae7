package vn.trithuc.program.web;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.trithuc.identity.LoginStepOwed;
import vn.trithuc.program.Notices;
import vn.trithuc.shared.PageShellModel;

/** The signed-in user's notices (thông báo): the list, one marked read (then opened), all marked read. */
@Controller
@RequestMapping("/notices")
class NoticeController {

	static final int SHOWN = 200;

	private final Notices notices;
	private final Bell bell;

	NoticeController(Notices notices, Bell bell) {
		this.notices = notices;
		this.bell = bell;
	}

	@GetMapping
	String list(Principal principal, Model model) {
		model.addAttribute("notices", notices.notices(principal.getName(), SHOWN));
		return "program/notices";
	}

	/** Marks the notice read and opens the report it is about; only the user's own notices (404 otherwise). */
	@PostMapping("/{id}/read")
	String read(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
		var notice = notices.markRead(id, principal.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		redirect.addFlashAttribute(Bell.CHANGED, true);
		return "redirect:/program/reports/" + notice.reportId();
	}

	@PostMapping("/read-all")
	String readAll(Principal principal, RedirectAttributes redirect) {
		notices.markAllRead(principal.getName());
		redirect.addFlashAttribute("success", "notice.allRead");
		redirect.addFlashAttribute(Bell.CHANGED, true);
		return "redirect:/notices";
	}

	/** The bell alone (the {@code noticeBell} fragment of the layout), for htmx to refresh the count in the header. */
	@GetMapping("/bell")
	String bell(@RequestParam(defaultValue = "0") int poll, Model model) {
		model.addAttribute("noticePoll", bell.poll(poll));
		return "layout :: noticeBell";
	}

	/**
	 * The bell in the page header: how many unread notices the signed-in user has, when to ask again
	 * ({@code trithuc.program.notice-poll-interval}), and the htmx event that refreshes it after notices were marked read.
	 */
	@Component
	static class Bell implements PageShellModel {

		static final String CHANGED = "noticesChanged";

		private final Notices notices;
		private final Duration interval;
		private final Duration sessionTimeout;

		Bell(Notices notices, @Value("${trithuc.program.notice-poll-interval:60s}") Duration interval,
				@Value("${trithuc.web.session-timeout:30m}") Duration sessionTimeout) {
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("trithuc.program.notice-poll-interval must be positive");
			}
			this.notices = notices;
			this.interval = interval;
			this.sessionTimeout = sessionTimeout;
		}

		/**
		 * A page shows the bell with the first poll to come; anonymous pages, and pages of a login that still owes its
		 * password change or second factor (where the poll would be sent back to that step), have no bell and do not
		 * poll. After notices were marked read, the page a boosted request lands on tells the bell to refresh.
		 */
		@Override
		public void contribute(Map<String, Object> model, @Nullable Authentication authentication,
				HttpServletRequest request, HttpServletResponse response) {
			if (authentication != null && authentication.isAuthenticated() && !LoginStepOwed.on(request)) {
				if (!model.containsKey("unreadNotices")) {
					model.put("unreadNotices", notices.unread(authentication.getName()));
				}
				if (!model.containsKey("noticePoll")) { // the bell's own request set its poll, maybe none
					model.put("noticePoll", poll(0));
				}
			}
			var flash = RequestContextUtils.getInputFlashMap(request);
			if (flash != null && flash.containsKey(CHANGED) && request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Trigger", "notices-changed");
			}
		}

		/**
		 * After poll {@code done} (0 = the page itself), the next one; none once the polls would span a session timeout,
		 * so that an open page left alone does not keep its session alive for ever.
		 */
		@Nullable Poll poll(int done) {
			int n = Math.max(0, done);
			if (interval.multipliedBy(n + 1L).compareTo(sessionTimeout) > 0) {
				return null;
			}
			return new Poll(n + 1, interval.toMillis() + "ms");
		}

		/** @param next the number of the next poll; @param delay when, as htmx reads it */
		record Poll(int next, String delay) {
		}
	}
}
