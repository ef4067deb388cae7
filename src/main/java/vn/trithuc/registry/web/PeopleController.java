package vn.trithuc.registry.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.identity.IntellectualAccounts;
import vn.trithuc.identity.UserNames;
import vn.trithuc.registry.internal.Caller;
import vn.trithuc.registry.internal.Part;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.ProfileVisibility;
import vn.trithuc.registry.internal.Profile;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.Profiles.InvalidProfileException;
import vn.trithuc.registry.internal.RegistryCodes;
import vn.trithuc.registry.internal.RegistryScope;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The registry pages: search, profile (as of a date), new and edit forms, parts, history, merge. */
@Controller
class PeopleController {

	static final int PAGE_SIZE = 20;

	private final Profiles profiles;
	private final PeopleSearch search;
	private final ProfileVisibility visibility;
	private final RegistryScope scope;
	private final MessageSource messages;
	private final java.time.Clock clock;
	private final RegistryCodes codes;
	private final vn.trithuc.registry.internal.SelfService selfService;
	private final vn.trithuc.registry.internal.Erasures erasures;
	private final UserNames users;
	private final IntellectualAccounts accounts;
	private final TypedDates dates;

	PeopleController(Profiles profiles, PeopleSearch search, ProfileVisibility visibility, RegistryScope scope,
			MessageSource messages, java.time.Clock clock, RegistryCodes codes,
			vn.trithuc.registry.internal.SelfService selfService, vn.trithuc.registry.internal.Erasures erasures,
			UserNames users, IntellectualAccounts accounts, TypedDates dates) {
		this.dates = dates;
		this.users = users;
		this.accounts = accounts;
		this.erasures = erasures;
		this.selfService = selfService;
		this.codes = codes;
		this.profiles = profiles;
		this.search = search;
		this.visibility = visibility;
		this.scope = scope;
		this.messages = messages;
		this.clock = clock;
	}

	@ModelAttribute("personnelCategories")
	List<String> personnelCategories() {
		return RegistryCodes.PERSONNEL_CATEGORIES;
	}

	/** Whether the caller links accounts to profiles (the form's account field, the invitation). */
	@ModelAttribute("linksAccounts")
	boolean linksAccounts(Authentication authentication) {
		return visibility.linksAccounts(Callers.of(authentication));
	}

	// ------------------------------------------------------------------ search

	@GetMapping("/registry/people")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam Map<String, String> params, Authentication authentication, Model model) {
		var caller = Callers.of(authentication);
		var query = query(q, page, params);
		model.addAttribute("q", q);
		model.addAttribute("filters", query.filters());
		var result = search.search(query, caller);
		var links = new SearchLinks("/registry/people", q, query);
		if (result.page() > 0 && result.page() >= result.pages()) {
			// a page past the end (an old link, a typed URL, fewer results since): the last page instead
			return "redirect:" + links.page(result.pages() - 1);
		}
		model.addAttribute("result", result);
		model.addAttribute("links", links);
		// the unit each person works in, by name (a page names a handful of units: each looked up once)
		var unitNames = new HashMap<UUID, String>();
		result.rows().stream().map(PeopleSearch.Row::currentOrgUnit).filter(java.util.Objects::nonNull)
			.forEach(unit -> unitNames.computeIfAbsent(unit, u -> codes.orgUnitName(u.toString())));
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("exportColumns", ExportController.columns(visibility.seesPartyMembership(caller, false)));
		model.addAttribute("exportsFullIds", visibility.seesNationalId(caller, false));
		model.addAttribute("identifierHidden", search.identifierHidden(query, caller));
		model.addAttribute("defaultColumns", ExportController.DEFAULT_COLUMNS);
		model.addAttribute("canEdit", visibility.edits(caller));
		model.addAttribute("seesParty", visibility.seesPartyMembership(caller, false));
		return "registry/people";
	}

	static PeopleSearch.Query query(String q, int page, Map<String, String> params) {
		var filters = new LinkedHashMap<String, String>();
		for (var facet : PeopleSearch.FACETS) {
			var value = params.get(facet);
			if (value != null && !value.isBlank() && possible(facet, value)) {
				filters.put(facet, value);
			}
		}
		return new PeopleSearch.Query(q, filters, page, PAGE_SIZE, "experts".equals(params.get("mode")),
				PeopleSearch.Sort.parse(params.get("sort")));
	}

	/** A value a facet of a closed set of values can have ("age=abc" is no condition; search ignores it too). */
	private static boolean possible(String facet, String value) {
		return switch (facet) {
			case "age" -> PeopleSearch.AGE_BANDS.contains(value);
			case "sex" -> value.equals("MALE") || value.equals("FEMALE");
			case "party", "talent" -> value.equals("true") || value.equals("false");
			default -> true;
		};
	}

	// ------------------------------------------------------------------ profile

	@GetMapping("/registry/me")
	String me(Authentication authentication, Model model) {
		var own = profiles.ownProfile(authentication.getName());
		if (own.isPresent()) {
			return "redirect:/registry/people/" + own.get();
		}
		return "registry/no-profile";
	}

	@GetMapping("/registry/people/{id}")
	String profile(@PathVariable UUID id, @RequestParam(required = false) String asOf, Authentication authentication,
			Model model) {
		var caller = Callers.of(authentication);
		var merged = profiles.mergedInto(id);
		if (merged.isPresent() && profiles.find(merged.get(), caller).isPresent()) {
			return "redirect:/registry/people/" + merged.get();
		}
		var profile = profiles.view(id, caller).orElseThrow(Exceptions::notFound);
		var dateErrors = new HashMap<String, String>();
		var date = dates.read(asOf, "asOf", dateErrors);
		model.addAttribute("asOf", date == null ? asOf : Formats.DATE.format(date));
		model.addAttribute("asOfDate", date);
		model.addAttribute("dateErrors", dateErrors);
		addProfile(model, profile, caller, date == null ? LocalDate.now(clock) : date);
		return "registry/person";
	}

	private void addProfile(Model model, Profile profile, Caller caller, LocalDate date) {
		boolean own = caller.username().equals(profile.data().userAccount());
		boolean party = visibility.seesPartyMembership(caller, own);
		model.addAttribute("person", profile);
		model.addAttribute("own", own);
		model.addAttribute("nationalId", visibility.nationalId(profile.data().nationalId(), caller, own));
		model.addAttribute("oldId", visibility.nationalId(profile.data().oldId(), caller, own));
		// as in lists and exports: a leader reads the birth year only
		var born = profile.data();
		model.addAttribute("birth", born.birthDate() != null && visibility.seesBirthDate(caller, own)
				? Formats.DATE.format(born.birthDate())
				: born.birthYear() == null ? "" : String.valueOf(born.birthYear()));
		model.addAttribute("hometown", profile.data().hometown() == null ? null
				: codes.adminUnitPlace(profile.data().hometown()).orElse(profile.data().hometown().toString()));
		model.addAttribute("residence", profile.data().residence() == null ? null
				: codes.adminUnitPlace(profile.data().residence()).orElse(profile.data().residence().toString()));
		model.addAttribute("date", date);
		// the day a part ends when no end date is typed (formatted here: confirmation texts may not call beans)
		model.addAttribute("today", Formats.DATE.format(LocalDate.now(clock)));
		model.addAttribute("current", profile.partsOn(date).stream().filter(p -> party || !p.kind().sensitive()).toList());
		model.addAttribute("timeline", profile.timeline().stream().filter(p -> party || !p.kind().sensitive()).toList());
		model.addAttribute("seesParty", party);
		model.addAttribute("canEdit", visibility.edits(caller));
		model.addAttribute("readsHistory", visibility.readsChangeHistory(caller));
		model.addAttribute("hasPhoto", profiles.hasPhoto(profile.id()));
		model.addAttribute("partKinds", Arrays.stream(PartKind.values()).filter(k -> party || !k.sensitive()).toList());
		if (own) {
			var viewers = profiles.viewers(profile.id(), 50);
			model.addAttribute("viewers", viewers);
			var viewerNames = new HashMap<String, String>();
			viewers.forEach(v -> viewerNames.computeIfAbsent(v.viewer(), users::of));
			model.addAttribute("viewerNames", viewerNames);
			model.addAttribute("requests", selfService.ofPerson(profile.id()));
			model.addAttribute("consents", selfService.consents(profile.id()));
			model.addAttribute("consentHistory", selfService.consentHistory(profile.id()));
			model.addAttribute("requestKinds", SelfServiceController.requestKinds());
			model.addAttribute("erasureEligible", erasures.eligible(profile.id()));
			model.addAttribute("erasureRequests", erasures.ofPerson(profile.id()));
		}
	}

	// ------------------------------------------------------------------ create and edit

	@GetMapping("/registry/people/new")
	String newForm(Authentication authentication, Model model) {
		model.addAttribute("form", PersonForm.empty());
		var caller = Callers.of(authentication);
		unitChoice(scope.placement(caller), model, scope.scopeRootOf(caller).map(UUID::toString).orElse(""));
		return "registry/person-form";
	}

	/**
	 * The unit a new person works in (a position there from today): chosen from the units the caller may place people
	 * in; required of a scoped officer, whose people would otherwise be outside the scope at once (an officer without
	 * a unit has none to choose: nobody to create).
	 */
	private static void unitChoice(RegistryScope.Placement placement, Model model, String chosen) {
		model.addAttribute("units", placement.units());
		model.addAttribute("unitRequired", placement.unitRequired());
		model.addAttribute("orgUnit", chosen);
	}

	@PostMapping("/registry/people/new")
	String create(@ModelAttribute("form") PersonForm form, BindingResult binding,
			@RequestParam(defaultValue = "") String orgUnit, @RequestParam(defaultValue = "") String jobTitle,
			@RequestParam(defaultValue = "") String personnelCategory, Authentication authentication, Model model,
			RedirectAttributes redirect, Locale locale) {
		var caller = Callers.of(authentication);
		var placement = scope.placement(caller);
		unitChoice(placement, model, orgUnit);
		model.addAttribute("jobTitle", jobTitle);
		model.addAttribute("personnelCategory", personnelCategory);
		if (!personnelCategory.isBlank() && codes.checkCode("personnel-categories", personnelCategory).isPresent()) {
			model.addAttribute("categoryError", messages.getMessage("registry.code.unknown", new Object[] { personnelCategory }, locale));
		}
		form = accountAsAllowed(form, null, caller);
		checkAccount(form, null, binding);
		var data = form.toData(binding);
		placement.problem(orgUnit)
			.ifPresent(key -> model.addAttribute("orgUnitError", messages.getMessage(key, null, locale)));
		var unit = orgUnit.isBlank() ? null : parseUnit(orgUnit);
		if (data == null || model.containsAttribute("orgUnitError") || model.containsAttribute("categoryError")) {
			return "registry/person-form";
		}
		try {
			var outcome = profiles.register(data, authentication.getName(), unit,
					Map.of("jobTitle", jobTitle, "personnelCategory", personnelCategory));
			if (outcome instanceof Profiles.RoutedToReview review) {
				if (profiles.find(review.matchedPerson(), caller).isEmpty()) {
					// the match lies outside the caller's units: neither shown nor named
					redirect.addFlashAttribute("success", "registry.duplicate.routedOutside");
					return "redirect:/registry/people";
				}
				redirect.addFlashAttribute("success", "registry.duplicate.routed");
				return "redirect:/registry/people/" + review.matchedPerson();
			}
			var created = (Profiles.Created) outcome;
			redirect.addFlashAttribute("success", "registry.created");
			redirect.addFlashAttribute("warnings", created.warnings().stream()
				.map(w -> messages.getMessage(w.messageKey(), w.arguments().toArray(), locale)).toList());
			return "redirect:/registry/people/" + created.id();
		}
		catch (InvalidProfileException e) {
			reject(binding, e);
			return "registry/person-form";
		}
	}

	/** The communes of the province chosen in an administrative-unit field of the person form (htmx). */
	@GetMapping("/registry/admin-units/communes")
	String communes(@RequestParam String field, @RequestParam Map<String, String> params, Model model) {
		if (!field.equals("hometown") && !field.equals("residence")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("name", field);
		model.addAttribute("choice", codes.adminUnitChoiceIn(parseUnit(params.getOrDefault(field + "Province", ""))));
		model.addAttribute("invalid", false);
		return "registry/admin-unit-picker :: communes";
	}

	@GetMapping("/registry/people/{id}/edit")
	String editForm(@PathVariable UUID id, Authentication authentication, Model model) {
		var caller = editor(authentication);
		// the form shows the profile's identity and contact data: a view, logged like the profile page's
		var profile = profiles.view(id, caller).orElseThrow(Exceptions::notFound);
		model.addAttribute("person", profile);
		model.addAttribute("form", masked(PersonForm.of(profile.version(), profile.data()), profile, caller));
		return "registry/person-form";
	}

	@PostMapping("/registry/people/{id}/edit")
	String update(@PathVariable UUID id, @ModelAttribute("form") PersonForm form, BindingResult binding,
			Authentication authentication, Model model, RedirectAttributes redirect, Locale locale) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		model.addAttribute("person", profile);
		form = unmasked(form, profile, caller);
		checkAccount(form, profile.data().userAccount(), binding);
		var data = form.toData(binding);
		if (data == null) {
			return "registry/person-form";
		}
		try {
			profiles.update(id, form.version() == null ? -1 : form.version(), data, caller.username());
		}
		catch (OptimisticLockingFailureException e) {
			// someone saved in between: show the latest data and what changed; keep the user's input visible
			model.addAttribute("conflict", true);
			model.addAttribute("changes", changesSince(id, form.version(), caller));
			model.addAttribute("mine", masked(form, profile, caller));
			model.addAttribute("form", masked(PersonForm.of(profile.version(), profile.data()), profile, caller));
			return "registry/person-form";
		}
		catch (InvalidProfileException e) {
			reject(binding, e);
			return "registry/person-form";
		}
		redirect.addFlashAttribute("success", "registry.saved");
		return "redirect:/registry/people/" + id;
	}

	/** A caller who may not see the national ID edits the rest: the ID travels masked and is kept as stored. */
	private PersonForm masked(PersonForm form, Profile profile, Caller caller) {
		boolean own = caller.username().equals(profile.data().userAccount());
		if (visibility.seesNationalId(caller, own)) {
			return form;
		}
		return new PersonForm(form.version(), form.familyName(), form.middleName(), form.givenName(), form.otherNames(),
				form.sex(), form.birth(), form.ethnicGroup(), form.religion(),
				visibility.nationalId(form.nationalId().isEmpty() ? null : form.nationalId(), caller, own),
				visibility.nationalId(form.oldId().isEmpty() ? null : form.oldId(), caller, own), form.hometown(),
				form.residence(), form.phone(), form.email(), form.userAccount());
	}

	/**
	 * The form as the caller may change it: a masked ID stays as stored, and so does the account link for a caller who
	 * does not link accounts (the form does not offer them the field).
	 */
	private PersonForm unmasked(PersonForm form, Profile profile, Caller caller) {
		var d = profile.data();
		form = accountAsAllowed(form, d.userAccount(), caller);
		boolean own = caller.username().equals(d.userAccount());
		if (visibility.seesNationalId(caller, own)) {
			return form;
		}
		return new PersonForm(form.version(), form.familyName(), form.middleName(), form.givenName(), form.otherNames(),
				form.sex(), form.birth(), form.ethnicGroup(), form.religion(), keep(form.nationalId(), d.nationalId()),
				keep(form.oldId(), d.oldId()), form.hometown(), form.residence(), form.phone(), form.email(),
				form.userAccount());
	}

	private static String keep(String typed, String stored) {
		return typed != null && typed.contains("*") ? (stored == null ? "" : stored) : typed;
	}

	List<Profiles.Change> changesSince(UUID id, Integer version, Caller caller) {
		var profile = profiles.find(id, caller).orElseThrow(Exceptions::notFound);
		boolean own = caller.username().equals(profile.data().userAccount());
		boolean ids = visibility.seesNationalId(caller, own);
		boolean party = visibility.seesPartyMembership(caller, own);
		return profiles.changes(id, version == null ? 0 : version).stream().map(c -> {
			boolean idField = "nationalId".equals(c.field()) || "oldId".equals(c.field());
			boolean partyField = "PARTY_MEMBERSHIP".equals(c.field());
			if ((idField && !ids) || (partyField && !party)) {
				return new Profiles.Change(c.version(), c.at(), c.actor(), c.action(), c.field(),
						c.oldValue() == null ? null : "***", c.newValue() == null ? null : "***");
			}
			return c;
		}).toList();
	}

	// ------------------------------------------------------------------ parts

	@GetMapping("/registry/people/{id}/parts/new")
	String newPart(@PathVariable UUID id, @RequestParam(defaultValue = "POSITION") String kind, Authentication authentication,
			Model model) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		partForm(model, profile, null, kind(kind, caller, profile), Map.of(), Map.of(), scope.placement(caller));
		return "registry/part-form";
	}

	@PostMapping("/registry/people/{id}/parts/new")
	String addPart(@PathVariable UUID id, @RequestParam Map<String, String> params, Authentication authentication,
			Model model, RedirectAttributes redirect, Locale locale) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		return savePart(profile, null, kind(params.getOrDefault("kind", ""), caller, profile), params, caller, model,
				redirect, locale);
	}

	/** A part entered wrongly, to correct (its history keeps what it said): the form filled with what is stored. */
	@GetMapping("/registry/people/{id}/parts/{partId}/edit")
	String editPart(@PathVariable UUID id, @PathVariable UUID partId, Authentication authentication, Model model) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		var part = visiblePart(profile, partId, caller);
		var values = new HashMap<String, String>();
		values.put("validFrom", part.validFrom() == null ? "" : Formats.DATE.format(part.validFrom()));
		values.put("validTo", part.validTo() == null ? "" : Formats.DATE.format(part.validTo()));
		part.kind().fields().forEach(f -> {
			var stored = part.attributes().getOrDefault(f.name(), "");
			values.put(f.name(), f.type() == PartKind.Type.DATE && stored.matches("\\d{4}-\\d{2}-\\d{2}")
					? Formats.DATE.format(LocalDate.parse(stored)) : stored);
		});
		partForm(model, profile, part, part.kind(), values, Map.of(), scope.placement(caller));
		return "registry/part-form";
	}

	@PostMapping("/registry/people/{id}/parts/{partId}/edit")
	String correctPart(@PathVariable UUID id, @PathVariable UUID partId, @RequestParam Map<String, String> params,
			Authentication authentication, Model model, RedirectAttributes redirect, Locale locale) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		var part = visiblePart(profile, partId, caller);
		return savePart(profile, part, part.kind(), params, caller, model, redirect, locale);
	}

	/** A part entered by mistake (the wrong person, a duplicate line): deleted, its history kept. */
	@PostMapping("/registry/people/{id}/parts/{partId}/delete")
	String removePart(@PathVariable UUID id, @PathVariable UUID partId, @RequestParam(defaultValue = "-1") String version,
			Authentication authentication, RedirectAttributes redirect) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		visiblePart(profile, partId, caller);
		try {
			profiles.removePart(id, version(version), partId, caller.username());
			redirect.addFlashAttribute("success", "registry.part.removed");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.conflict.reload");
		}
		return "redirect:/registry/people/" + id;
	}

	/** Adds a part ({@code part} null) or corrects {@code part}: the same form, checks and conflict handling. */
	private String savePart(Profile profile, @Nullable Part part, PartKind kind, Map<String, String> params,
			Caller caller, Model model, RedirectAttributes redirect, Locale locale) {
		var errors = new HashMap<String, String>();
		var from = dates.read(params.get("validFrom"), "validFrom", errors);
		var to = dates.read(params.get("validTo"), "validTo", errors);
		var placement = scope.placement(caller);
		partForm(model, profile, part, kind, params, errors, placement);
		for (var field : kind.fields()) {
			var value = params.get(field.name());
			// a correction may keep a unit the caller could not choose today (a former unit of a past position)
			var stored = part == null ? null : part.attributes().get(field.name());
			boolean kept = part != null && (value == null || value.isBlank() ? stored == null || stored.isBlank()
					: value.strip().equalsIgnoreCase(stored));
			if (field.type() == PartKind.Type.ORG_UNIT && !kept) {
				placement.problem(value).ifPresent(key -> errors.put(field.name(), messages.getMessage(key, null, locale)));
			}
		}
		if (!errors.isEmpty()) {
			return "registry/part-form";
		}
		var id = profile.id();
		try {
			if (part == null) {
				profiles.addPart(id, version(params.get("version")), kind, from, to, params, caller.username());
			}
			else {
				profiles.correctPart(id, version(params.get("version")), part.id(), from, to, params, caller.username());
			}
		}
		catch (OptimisticLockingFailureException e) {
			model.addAttribute("conflict", true);
			model.addAttribute("changes", changesSince(id, version(params.get("version")), caller));
			return "registry/part-form";
		}
		catch (InvalidProfileException e) {
			e.errors().forEach(err -> errors.put(err.field(), messages.getMessage(err.messageKey(), err.arguments(), locale)));
			return "registry/part-form";
		}
		redirect.addFlashAttribute("success", "registry.saved");
		return "redirect:/registry/people/" + id;
	}

	private void partForm(Model model, Profile profile, @Nullable Part part, PartKind kind, Map<String, String> values,
			Map<String, String> errors, RegistryScope.Placement placement) {
		model.addAttribute("person", profile);
		model.addAttribute("kind", kind);
		model.addAttribute("part", part);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("version", profile.version());
		model.addAttribute("units", placement.units());
		model.addAttribute("unitRequired", placement.unitRequired());
		// the stored unit of the corrected part when the caller could not choose it today, offered by its name
		var keptUnits = new HashMap<String, String>();
		if (part != null) {
			kind.fields().stream().filter(f -> f.type() == PartKind.Type.ORG_UNIT).forEach(f -> {
				var stored = part.attributes().get(f.name());
				if (stored != null && placement.units().stream().noneMatch(u -> u.id().value().toString().equals(stored))) {
					keptUnits.put(f.name(), stored);
				}
			});
		}
		model.addAttribute("keptUnits", keptUnits);
	}

	private Part visiblePart(Profile profile, UUID partId, Caller caller) {
		var part = profile.parts().stream().filter(p -> p.id().equals(partId)).findFirst().orElseThrow(Exceptions::notFound);
		if (part.kind().sensitive() && !visibility.seesPartyMembership(caller, false)) {
			throw Exceptions.notFound();
		}
		return part;
	}

	@PostMapping("/registry/people/{id}/parts/{partId}/end")
	String endPart(@PathVariable UUID id, @PathVariable UUID partId, @RequestParam(defaultValue = "") String validTo,
			@RequestParam(defaultValue = "-1") String version, Authentication authentication,
			RedirectAttributes redirect) {
		var caller = Callers.of(authentication);
		var profile = writable(id, authentication);
		visiblePart(profile, partId, caller);
		try {
			var end = validTo.isBlank() ? LocalDate.now(clock) : Formats.parseDate(validTo);
			profiles.endPart(id, version(version), partId, end, caller.username());
			redirect.addFlashAttribute("success", "registry.saved");
		}
		catch (Formats.InvalidDateException e) {
			// "Ngày 31/02/2025 không có trên lịch …", said as the forms say it
			redirect.addFlashAttribute("errorText", dates.message(e));
		}
		catch (InvalidProfileException e) {
			redirect.addFlashAttribute("error", "registry.part.endInvalid");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.conflict.reload");
		}
		return "redirect:/registry/people/" + id;
	}

	// ------------------------------------------------------------------ history and merge

	@GetMapping("/registry/people/{id}/history")
	String history(@PathVariable UUID id, Authentication authentication, Model model) {
		var caller = Callers.of(authentication);
		// every value the profile ever had: a view, logged like the profile page's
		var profile = profiles.view(id, caller).orElseThrow(Exceptions::notFound);
		model.addAttribute("person", profile);
		var changes = changesSince(id, 0, caller);
		var viewers = profiles.viewers(id, 200);
		model.addAttribute("changes", changes);
		model.addAttribute("viewers", viewers);
		// who, by the name people know them by (a name that is no account — "demo-generator" — as written)
		var names = new HashMap<String, String>();
		changes.forEach(c -> names.computeIfAbsent(c.actor(), users::of));
		viewers.forEach(v -> names.computeIfAbsent(v.viewer(), users::of));
		model.addAttribute("names", names);
		return "registry/history";
	}

	@PostMapping("/registry/people/{id}/merge")
	String merge(@PathVariable UUID id, @RequestParam(defaultValue = "") String other,
			@RequestParam(defaultValue = "-1") String version, Authentication authentication,
			RedirectAttributes redirect) {
		var caller = Callers.of(authentication);
		profiles.find(id, caller).orElseThrow(Exceptions::notFound);
		try {
			var merged = otherRecord(other);
			if (profiles.find(merged, caller).isEmpty()) {
				// a record outside the caller's scope is as unknown as one that does not exist
				throw new IllegalArgumentException("unknown person " + merged);
			}
			profiles.merge(id, version(version), merged, caller.username());
			redirect.addFlashAttribute("success", "registry.merged");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "registry.merge.unknown");
		}
		catch (InvalidProfileException e) {
			redirect.addFlashAttribute("error", e.errors().get(0).messageKey());
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.conflict.reload");
		}
		return "redirect:/registry/people/" + id;
	}

	private static final java.util.regex.Pattern RECORD_ID = java.util.regex.Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * The record an officer names to merge: the address of its page (copied from the browser) or its code, or the
	 * person's national ID or old ID. @throws IllegalArgumentException when it names none
	 */
	private UUID otherRecord(String text) {
		var id = RECORD_ID.matcher(text);
		if (id.find()) {
			return UUID.fromString(id.group());
		}
		var digits = text.replaceAll("[\\s.]", "");
		if (digits.matches("[0-9]{9}|[0-9]{12}")) {
			return profiles.byIdentifier(digits).orElseThrow(() -> new IllegalArgumentException("no record " + digits));
		}
		throw new IllegalArgumentException("no record named");
	}

	// ------------------------------------------------------------------ helpers

	private Profile writable(UUID id, Authentication authentication) {
		return profiles.find(id, editor(authentication)).orElseThrow(Exceptions::notFound);
	}

	/** The caller, who must be one who edits profiles (404 otherwise). */
	private Caller editor(Authentication authentication) {
		var caller = Callers.of(authentication);
		if (!visibility.edits(caller)) {
			throw Exceptions.notFound();
		}
		return caller;
	}

	private PartKind kind(String kind, Caller caller, Profile profile) {
		try {
			var partKind = PartKind.valueOf(kind);
			if (partKind.sensitive() && !visibility.seesPartyMembership(caller, false)) {
				throw Exceptions.notFound();
			}
			return partKind;
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	/** The account link as stored for a caller who does not link accounts: the form does not offer them the field. */
	private PersonForm accountAsAllowed(PersonForm form, @org.jspecify.annotations.Nullable String stored, Caller caller) {
		return visibility.linksAccounts(caller) ? form : form.withUserAccount(stored == null ? "" : stored);
	}

	/** A profile is linked only to an intellectual's own account (see IntellectualAccounts), when the link changes. */
	private void checkAccount(PersonForm form, @org.jspecify.annotations.Nullable String stored, BindingResult binding) {
		if (binding.getTarget() == null) {
			return; // a tampered form: PersonForm.toData answers 400
		}
		var typed = form.userAccount() == null ? "" : form.userAccount().strip().toLowerCase(Locale.ROOT);
		if (!typed.isEmpty() && !typed.equals(stored) && !accounts.isIntellectualOnly(typed)) {
			binding.rejectValue("userAccount", "registry.userAccount.notIntellectual");
		}
	}

	private static @org.jspecify.annotations.Nullable UUID parseUnit(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static int version(String text) {
		try {
			return text == null ? -1 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static void reject(BindingResult binding, InvalidProfileException e) {
		e.errors().forEach(err -> {
			var field = switch (err.field()) {
				case "familyName", "middleName", "givenName", "otherNames", "sex", "birth", "ethnicGroup", "religion",
						"nationalId", "oldId", "hometown", "residence", "phone", "email", "userAccount" -> err.field();
				default -> null;
			};
			if (field == null) {
				binding.reject(err.messageKey(), err.arguments(), null);
			}
			else {
				binding.rejectValue(field, err.messageKey(), err.arguments(), null);
			}
		});
	}
}
