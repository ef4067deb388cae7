package vn.trithuc.registry.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.Erasures;
import vn.trithuc.registry.internal.EvidenceFilePolicy;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryCodes;
import vn.trithuc.registry.internal.RegistryScope;
import vn.trithuc.registry.internal.SelfService;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;
import vn.trithuc.shared.VietnameseText;

/** Intellectuals propose changes and manage consent; officers approve or return; the public expert directory. */
@Controller
class SelfServiceController {

	private final SelfService selfService;
	private final Profiles profiles;
	private final RegistryScope scope;
	private final MessageSource messages;
	private final Erasures erasures;
	private final TypedDates dates;

	SelfServiceController(SelfService selfService, Profiles profiles, RegistryScope scope, MessageSource messages,
			Erasures erasures, java.time.Clock clock, RegistryCodes codes, TypedDates dates) {
		this.dates = dates;
		this.codes = codes;
		this.erasures = erasures;
		this.clock = clock;
		this.selfService = selfService;
		this.profiles = profiles;
		this.scope = scope;
		this.messages = messages;
	}

	private final java.time.Clock clock;
	private final RegistryCodes codes;

	private UUID own(Authentication authentication) {
		return profiles.ownProfile(authentication.getName()).orElseThrow(Exceptions::notFound);
	}

	static List<String> requestKinds() {
		var kinds = new java.util.ArrayList<String>();
		kinds.add(SelfService.CONTACT);
		Arrays.stream(PartKind.values()).filter(k -> !k.sensitive()).forEach(k -> kinds.add(k.name()));
		return kinds;
	}

	@GetMapping("/registry/me/requests/new")
	String newRequest(@RequestParam(defaultValue = "CONTACT") String kind, Authentication authentication, Model model) {
		var person = profiles.find(own(authentication), Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		model.addAttribute("person", person);
		model.addAttribute("kind", kind(kind));
		model.addAttribute("values", kind.equals(SelfService.CONTACT)
				? Map.of("phone", s(person.data().phone()), "email", s(person.data().email())) : Map.of());
		model.addAttribute("errors", Map.of());
		return "registry/request-form";
	}

	/** A returned request, corrected and sent again: the form filled with what was sent, and the officer's reason. */
	@GetMapping("/registry/me/requests/{id}/resubmit")
	String resubmitForm(@PathVariable UUID id, Authentication authentication, Model model) {
		var own = own(authentication);
		var request = selfService.own(id, own).filter(SelfService.Request::resubmittable).orElseThrow(Exceptions::notFound);
		model.addAttribute("person", profiles.find(own, Callers.of(authentication)).orElseThrow(Exceptions::notFound));
		model.addAttribute("kind", request.kind());
		var values = new HashMap<String, String>(request.attributes());
		if (request.validFrom() != null) {
			values.put("validFrom", Formats.DATE.format(request.validFrom()));
		}
		if (request.validTo() != null) {
			values.put("validTo", Formats.DATE.format(request.validTo()));
		}
		if (request.note() != null) {
			values.put("note", request.note());
		}
		values.put("resubmits", request.id().toString());
		model.addAttribute("values", values);
		model.addAttribute("returned", request);
		model.addAttribute("errors", Map.of());
		return "registry/request-form";
	}

	@PostMapping("/registry/me/requests/new")
	String propose(@RequestParam Map<String, String> params,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> evidence, Authentication authentication,
			Model model, RedirectAttributes redirect, Locale locale) throws java.io.IOException {
		var id = own(authentication);
		var kind = kind(params.getOrDefault("kind", ""));
		var resubmits = params.getOrDefault("resubmits", "").isBlank() ? null : uuid(params.get("resubmits"));
		var returned = resubmits == null ? null
				: selfService.own(resubmits, id).filter(r -> r.resubmittable() && r.kind().equals(kind)).orElse(null);
		if (resubmits != null && returned == null) { // sent again meanwhile (another tab), or not theirs
			redirect.addFlashAttribute("error", "registry.request.notResubmittable");
			return "redirect:/registry/people/" + id;
		}
		var errors = new HashMap<String, String>();
		LocalDate from = dates.read(params.get("validFrom"), "validFrom", errors);
		LocalDate to = dates.read(params.get("validTo"), "validTo", errors);
		if (errors.isEmpty()) {
			try {
				var uploads = new java.util.ArrayList<EvidenceFilePolicy.Upload>();
				for (var file : evidence == null ? List.<MultipartFile>of() : evidence) {
					if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
						continue; // an empty file input
					}
					uploads.add(new EvidenceFilePolicy.Upload(file.getOriginalFilename(), file.getBytes()));
				}
				if (returned == null) {
					selfService.propose(id, kind, from, to, params, params.get("note"), uploads, authentication.getName());
				}
				else {
					selfService.resubmit(returned.id(), id, from, to, params, params.get("note"), uploads,
							authentication.getName());
				}
				redirect.addFlashAttribute("success", returned == null ? "registry.request.sent" : "registry.request.resent");
				return "redirect:/registry/people/" + id;
			}
			catch (Profiles.InvalidProfileException e) {
				e.errors().forEach(err -> errors.put(err.field(), messages.getMessage(err.messageKey(), err.arguments(), locale)));
			}
			catch (SelfService.NotResubmittableException e) { // sent again meanwhile (another tab)
				redirect.addFlashAttribute("error", "registry.request.notResubmittable");
				return "redirect:/registry/people/" + id;
			}
		}
		model.addAttribute("returned", returned);
		model.addAttribute("person", profiles.find(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound));
		model.addAttribute("kind", kind);
		model.addAttribute("values", params);
		model.addAttribute("errors", errors);
		return "registry/request-form";
	}

	@PostMapping("/registry/me/consents")
	String consent(@RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "false") boolean granted,
			Authentication authentication, RedirectAttributes redirect) {
		var id = own(authentication);
		if (!SelfService.PURPOSES.contains(purpose)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		selfService.consent(id, purpose, granted, authentication.getName());
		redirect.addFlashAttribute("success", granted ? "registry.consent.granted" : "registry.consent.withdrawn");
		return "redirect:/registry/people/" + id;
	}

	@GetMapping("/registry/requests")
	String requests(Authentication authentication, Model model) {
		var caller = Callers.of(authentication);
		var open = selfService.open(caller, scope);
		model.addAttribute("requests", open);
		// the diff: what a contact change replaces
		var current = new HashMap<UUID, Map<String, String>>();
		for (var r : open) {
			if (r.kind().equals(SelfService.CONTACT)) {
				profiles.find(r.person(), caller).ifPresent(p -> current.put(r.id(),
						Map.of("phone", s(p.data().phone()), "email", s(p.data().email()))));
			}
		}
		model.addAttribute("current", current);
		model.addAttribute("erasures", erasures.queue(caller, scope));
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "registry/requests";
	}

	@PostMapping("/registry/me/erasure")
	String requestErasure(@RequestParam(defaultValue = "") String reason, Authentication authentication,
			RedirectAttributes redirect) {
		var id = own(authentication);
		if (!erasures.eligible(id)) {
			redirect.addFlashAttribute("error", "registry.erasure.statutory");
		}
		else if (erasures.request(id, reason, authentication.getName()).isPresent()) {
			redirect.addFlashAttribute("success", "registry.erasure.requested");
		}
		else {
			redirect.addFlashAttribute("error", "registry.erasure.alreadyOpen");
		}
		return "redirect:/registry/people/" + id;
	}

	@PostMapping("/registry/erasures/{id}/execute")
	String executeErasure(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		var task = erasures.find(id, Callers.of(authentication), scope).orElseThrow(Exceptions::notFound);
		try {
			erasures.execute(task, authentication.getName());
			redirect.addFlashAttribute("success", "registry.erasure.executed");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.request.notApplicable");
		}
		return "redirect:/registry/requests";
	}

	@PostMapping("/registry/erasures/{id}/refuse")
	String refuseErasure(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			Authentication authentication, RedirectAttributes redirect) {
		var task = erasures.find(id, Callers.of(authentication), scope).orElseThrow(Exceptions::notFound);
		if (reason.isBlank()) {
			redirect.addFlashAttribute("error", "registry.erasure.reasonRequired");
			return "redirect:/registry/requests";
		}
		try {
			erasures.refuse(task, authentication.getName(), reason);
			redirect.addFlashAttribute("success", "registry.erasure.refused");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.request.notApplicable");
		}
		return "redirect:/registry/requests";
	}

	/** An evidence file: for officers who reach the person, and for the person. Always a download, never inline. */
	@GetMapping("/registry/requests/{id}/files/{fileId}")
	ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID fileId, Authentication authentication) {
		var file = selfService.evidence(id, fileId, Callers.of(authentication), scope).orElseThrow(Exceptions::notFound);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build()
						.toString())
			.contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
	}

	@PostMapping("/registry/requests/{id}/approve")
	String approve(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		var request = selfService.find(id, Callers.of(authentication), scope).orElseThrow(Exceptions::notFound);
		var kind = request.kind().equals(SelfService.CONTACT) ? null : PartKind.valueOf(request.kind());
		var unitFields = kind == null ? List.<PartKind.Field>of()
				: kind.fields().stream().filter(f -> f.type() == PartKind.Type.ORG_UNIT).toList();
		var placement = unitFields.isEmpty() ? null : scope.placement(Callers.of(authentication));
		if (placement != null && unitFields.stream()
			.anyMatch(f -> placement.problem(request.attributes().get(f.name())).isPresent())) {
			// approving would take the person out of the officer's units: the province's HR office decides
			redirect.addFlashAttribute("error", "registry.request.unitOutsideScope");
			return "redirect:/registry/requests";
		}
		try {
			selfService.approve(request, authentication.getName());
			redirect.addFlashAttribute("success", "registry.request.approved");
		}
		catch (OptimisticLockingFailureException | Profiles.InvalidProfileException e) {
			redirect.addFlashAttribute("error", "registry.request.notApplicable");
		}
		return "redirect:/registry/requests";
	}

	@PostMapping("/registry/requests/{id}/return")
	String giveBack(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Authentication authentication,
			RedirectAttributes redirect) {
		var request = selfService.find(id, Callers.of(authentication), scope).orElseThrow(Exceptions::notFound);
		if (reason.isBlank()) {
			redirect.addFlashAttribute("error", "registry.request.reasonRequired");
			return "redirect:/registry/requests";
		}
		try {
			selfService.giveBack(request, authentication.getName(), reason);
			redirect.addFlashAttribute("success", "registry.request.returned");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.request.notApplicable");
		}
		return "redirect:/registry/requests";
	}

	/** Experts on one page of the public directory. */
	static final int DIRECTORY_PAGE_SIZE = 25;

	@GetMapping("/directory")
	String directory(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("directory", selfService.directory(q, fieldsNamed(q), page, DIRECTORY_PAGE_SIZE));
		return "registry/directory";
	}

	/** The fields of study whose name holds the text, with or without diacritics and punctuation ("nong lam"). */
	private List<String> fieldsNamed(String q) {
		var words = words(q);
		if (words.length() < 2) {
			return List.of();
		}
		return codes.choices("fields-of-study").stream().filter(e -> words(e.name()).contains(words))
			.map(e -> e.code()).toList();
	}

	private static String words(String text) {
		return VietnameseText.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private static String kind(String kind) {
		if (!requestKinds().contains(kind)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return kind;
	}

	private static String s(String value) {
		return value == null ? "" : value;
	}
}
