package vn.trithuc.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Part;
import vn.trithuc.registry.internal.PeopleSearch;
import vn.trithuc.registry.internal.ProfileVisibility;
import vn.trithuc.registry.internal.Profiles;

/** The registry over JSON: search with facets, and one profile (masked like the pages; views are logged). */
@RestController
@RequestMapping("/api/v1/registry/people")
class PeopleApiController {

	private final Profiles profiles;
	private final PeopleSearch search;
	private final ProfileVisibility visibility;

	PeopleApiController(Profiles profiles, PeopleSearch search, ProfileVisibility visibility) {
		this.profiles = profiles;
		this.search = search;
		this.visibility = visibility;
	}

	@GetMapping
	PeopleSearch.Result search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size,
			@Parameter(description = "The order of the people: name (given, middle, family name in Vietnamese order), birth"
					+ " (oldest first; a birth year alone counts as that year; callers who see birth years only get the year,"
					+ " then the name) or unit (its name in Vietnamese order); ',desc' reverses it. People of one value by name;"
					+ " an unknown birth or unit last either way. Default (also for a value that names no order): by name,"
					+ " the people whose every name matches the query exactly first.",
					schema = @Schema(allowableValues = { "name", "name,desc", "birth", "birth,desc", "unit", "unit,desc" }))
			@RequestParam(required = false) String sort,
			@RequestParam Map<String, String> params, Authentication authentication) {
		var filters = PeopleController.query(q, page, params).filters();
		return search.search(new PeopleSearch.Query(q, filters, page, size, false, PeopleSearch.Sort.parse(sort)),
				Callers.of(authentication));
	}

	record ProfileView(UUID id, int version, String familyName, String middleName, String givenName,
			@Nullable String otherNames, Sex sex, @Nullable LocalDate birthDate, @Nullable Integer birthYear,
			@Nullable String ethnicGroup, @Nullable String religion, @Nullable String nationalId, @Nullable String oldId,
			@Nullable UUID hometown, @Nullable UUID residence, @Nullable String phone, @Nullable String email,
			@Nullable UUID currentOrgUnit, @Nullable String personnelCategory, @Nullable String highestDegree,
			@Nullable Boolean partyMember, boolean talent, List<Part> parts) {
	}

	@GetMapping("/{id}")
	ProfileView profile(@PathVariable UUID id, @RequestParam(required = false) LocalDate asOf,
			Authentication authentication) {
		var caller = Callers.of(authentication);
		var profile = profiles.view(id, caller).orElseThrow(Exceptions::notFound);
		var d = profile.data();
		boolean own = caller.username().equals(d.userAccount());
		boolean party = visibility.seesPartyMembership(caller, own);
		var parts = (asOf == null ? profile.parts() : profile.partsOn(asOf)).stream()
			.filter(p -> party || !p.kind().sensitive()).toList();
		return new ProfileView(profile.id(), profile.version(), d.familyName(), d.middleName(), d.givenName(),
				d.otherNames(), d.sex(), visibility.seesBirthDate(caller, own) ? d.birthDate() : null, d.birthYear(),
				d.ethnicGroup(), d.religion(),
				visibility.nationalId(d.nationalId(), caller, own), visibility.nationalId(d.oldId(), caller, own),
				d.hometown(), d.residence(), d.phone(), d.email(), profile.currentOrgUnit(), profile.personnelCategory(),
				profile.highestDegree(), party ? profile.partyMember() : null, profile.talent(), parts);
	}
}
