package vn.trithuc.orgunit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/**
 * An administrator gives a user the org unit whose subtree they work in. The scope follows the unit through
 * later merges, splits and dissolutions (successor links); the change is in the security audit log.
 */
@Controller
@RequestMapping("/orgunit/scopes")
class UserScopeController {

	private final UserScopes scopes;
	private final OrgUnits units;
	private final Clock clock;

	UserScopeController(UserScopes scopes, OrgUnits units, Clock clock) {
		this.scopes = scopes;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/{userId}")
	String scope(@PathVariable UUID userId, @RequestParam(defaultValue = "") String q, Model model) {
		var user = scopes.user(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var today = LocalDate.now(clock);
		model.addAttribute("user", user);
		model.addAttribute("q", q);
		model.addAttribute("current", user.scopeRoot() == null ? null : units.find(new OrgUnitId(user.scopeRoot())).orElse(null));
		model.addAttribute("carriedBy", user.scopeRoot() == null ? List.of()
				: units.currentSuccessors(new OrgUnitId(user.scopeRoot())).stream()
					.map(id -> units.find(id, today)).flatMap(java.util.Optional::stream).toList());
		model.addAttribute("candidates", q.isBlank() ? List.<OrgUnit>of() : units.search(q, today, 20));
		return "orgunit/scope";
	}

	@PostMapping("/{userId}")
	String assign(@PathVariable UUID userId, @RequestParam(required = false) @Nullable UUID orgUnitId,
			RedirectAttributes redirect) {
		scopes.user(userId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String description;
		if (orgUnitId == null) {
			description = "toàn bộ cây tổ chức";
		}
		else {
			var unit = units.find(new OrgUnitId(orgUnitId))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			description = unit.code() + " " + unit.name();
		}
		scopes.assign(userId, orgUnitId, description);
		redirect.addFlashAttribute("success", "orgunit.scope.saved");
		return "redirect:/orgunit/scopes/" + userId;
	}
}
