package vn.trithuc.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.Caller;
import vn.trithuc.registry.internal.DuplicateReview;
import vn.trithuc.registry.internal.DuplicateRule;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profile;
import vn.trithuc.registry.internal.ProfileVisibility;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryCodes;
import vn.trithuc.shared.Formats;

/** The duplicate-review list: people routed here instead of being created twice. */
@Controller
class DuplicatesController {

	private final DuplicateRule rule;
	private final DuplicateReview review;
	private final Profiles profiles;
	private final RegistryCodes codes;
	private final ProfileVisibility visibility;
	private final MessageSource messages;

	DuplicatesController(DuplicateRule rule, DuplicateReview review, Profiles profiles, RegistryCodes codes,
			ProfileVisibility visibility, MessageSource messages) {
		this.rule = rule;
		this.review = review;
		this.profiles = profiles;
		this.codes = codes;
		this.visibility = visibility;
		this.messages = messages;
	}

	/** A candidate beside the person it matched, field by field; {@code differs} marks what the officer should look at. */
	record Comparison(DuplicateRule.Candidate candidate, Profile matched, List<Line> lines) {
	}

	record Line(String label, String proposed, String existing, boolean differs) {
	}

	@GetMapping("/registry/duplicates")
	String list(Authentication authentication, Model model, Locale locale) {
		var caller = Callers.of(authentication);
		var comparisons = new ArrayList<Comparison>();
		for (var candidate : rule.open()) {
			profiles.find(candidate.matchedPerson(), caller)
				.ifPresent(matched -> comparisons.add(compare(candidate, matched, caller, locale)));
		}
		model.addAttribute("comparisons", comparisons);
		return "registry/duplicates";
	}

	private Comparison compare(DuplicateRule.Candidate candidate, Profile matched, Caller caller, Locale locale) {
		var p = candidate.proposal();
		var e = matched.data();
		var lines = new ArrayList<Line>();
		line(lines, "registry.col.name", p.fullName(), e.fullName(), locale);
		line(lines, "registry.field.birth", birth(p), birth(e), locale);
		line(lines, "registry.field.sex", messages.getMessage("registry.sex." + p.sex().name(), null, locale),
				messages.getMessage("registry.sex." + e.sex().name(), null, locale), locale);
		line(lines, "registry.field.ethnicGroup", codes.name("ethnic-groups", p.ethnicGroup()),
				codes.name("ethnic-groups", e.ethnicGroup()), locale);
		line(lines, "registry.field.nationalId", text(visibility.nationalId(p.nationalId(), caller, false)),
				text(visibility.nationalId(e.nationalId(), caller, false)), locale);
		line(lines, "registry.field.oldId", text(visibility.nationalId(p.oldId(), caller, false)),
				text(visibility.nationalId(e.oldId(), caller, false)), locale);
		line(lines, "registry.field.hometown", adminUnit(p.hometown()), adminUnit(e.hometown()), locale);
		line(lines, "registry.field.phone", text(p.phone()), text(e.phone()), locale);
		line(lines, "registry.field.email", text(p.email()), text(e.email()), locale);
		line(lines, "registry.field.orgUnit", codes.orgUnitName(text(candidate.unit())),
				codes.orgUnitName(text(matched.currentOrgUnit())), locale);
		line(lines, "registry.duplicates.degree", codes.name("education-levels", candidate.degree()),
				codes.name("education-levels", matched.highestDegree()), locale);
		return new Comparison(candidate, matched, lines);
	}

	private void line(List<Line> lines, String label, String proposed, String existing, Locale locale) {
		if (proposed.isEmpty() && existing.isEmpty()) {
			return;
		}
		lines.add(new Line(messages.getMessage(label, null, locale), proposed, existing,
				!proposed.isEmpty() && !existing.isEmpty() && !Objects.equals(proposed, existing)));
	}

	private static String birth(PersonData d) {
		return d.birthDate() != null ? Formats.DATE.format(d.birthDate()) : text(d.birthYear());
	}

	private String adminUnit(@Nullable UUID unit) {
		return unit == null ? "" : codes.adminUnitPlace(unit).orElse("");
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	@PostMapping("/registry/duplicates/{id}/register")
	String register(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		reachable(id, authentication);
		var created = review.registerAsNew(id, authentication.getName()).orElseThrow(Exceptions::notFound);
		redirect.addFlashAttribute("success", "registry.created");
		return "redirect:/registry/people/" + created;
	}

	@PostMapping("/registry/duplicates/{id}/discard")
	String discard(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		reachable(id, authentication);
		if (!review.discard(id, authentication.getName())) {
			throw Exceptions.notFound();
		}
		redirect.addFlashAttribute("success", "registry.duplicates.discarded");
		return "redirect:/registry/duplicates";
	}

	/** A candidate is reviewed by whoever reaches the person it matched (an HR officer with a unit scope: theirs). */
	private void reachable(UUID candidate, Authentication authentication) {
		var open = rule.findOpen(candidate).orElseThrow(Exceptions::notFound);
		profiles.find(open.matchedPerson(), Callers.of(authentication)).orElseThrow(Exceptions::notFound);
	}
}
