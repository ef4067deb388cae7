package vn.trithuc.identity.web;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.trithuc.identity.SecurityEventType;
import vn.trithuc.identity.internal.SecurityEvents;
import vn.trithuc.shared.TypedDates;

/** Administrators read, filter and export the security audit log. */
@Controller
@RequestMapping("/admin/security-events")
class SecurityEventsController {

	private static final int PAGE_SIZE = 50;
	private final SecurityEvents events;
	private final MessageSource messages;
	private final TypedDates dates;

	SecurityEventsController(SecurityEvents events, MessageSource messages, TypedDates dates) {
		this.dates = dates;
		this.events = events;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var filter = filter(user, type, from, to, model);
		model.addAttribute("user", user);
		model.addAttribute("type", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("types", SecurityEventType.values());
		model.addAttribute("result", events.search(filter, Math.max(0, page), PAGE_SIZE));
		return "identity/security-events";
	}

	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model) throws java.io.IOException {
		if (!TypedDates.readable(from) || !TypedDates.readable(to)) {
			// the list says what is wrong with the date, rather than export the log unfiltered by it
			response.sendRedirect(request.getContextPath() + "/admin/security-events?" + request.getQueryString());
			return;
		}
		var filter = filter(user, type, from, to, model);
		if (model.containsAttribute("filterError")) {
			// an event type that names none: the list says the condition was not applied, rather than export without it
			response.sendRedirect(request.getContextPath() + "/admin/security-events?" + request.getQueryString());
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"nhat-ky-bao-mat.csv\"");
		var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		var header = List.of("occurredAt", "type", "actor", "subject", "remoteAddress", "details").stream()
			.map(key -> messages.getMessage("securityEvents.col." + key, null, locale)).toList();
		var sent = new java.util.concurrent.atomic.AtomicLong();
		boolean complete = false;
		try {
			events.exportCsv(filter, writer, header, t -> messages.getMessage(t.messageKey(), null, t.name(), locale), sent);
			complete = true;
		}
		finally {
			// recorded however it ended: a client may close the download once it has the rows it wanted
			events.recordPersonalDataExport("security audit log CSV user=" + user + " type=" + type + " from=" + from
					+ " to=" + to + (complete ? "" : " broken off"), sent.get());
		}
	}

	/** The filter as typed; a condition that cannot be read is not applied, and the page says so (a date: beside it). */
	private SecurityEvents.Filter filter(String user, String type, String from, String to, Model model) {
		SecurityEventType eventType = null;
		if (!type.isBlank()) {
			try {
				eventType = SecurityEventType.valueOf(type);
			}
			catch (IllegalArgumentException e) {
				model.addAttribute("filterError", "securityEvents.filter.invalid");
			}
		}
		var dateErrors = new HashMap<String, String>();
		var filter = new SecurityEvents.Filter(user.isBlank() ? null : user, eventType, dates.read(from, "from", dateErrors),
				dates.read(to, "to", dateErrors));
		model.addAttribute("dateErrors", dateErrors);
		if (!dateErrors.isEmpty()) {
			model.addAttribute("filterError", "securityEvents.filter.invalid");
		}
		return filter;
	}
}
