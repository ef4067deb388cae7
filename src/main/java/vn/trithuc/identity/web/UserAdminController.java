package vn.trithuc.identity.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.AccountSessions;
import vn.trithuc.identity.internal.SecondFactors;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.identity.internal.UserAdministration.UserView;

/** Administrators manage accounts: create, assign roles, disable, unlock, reset passwords. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final int PAGE_SIZE = 20;
	private final UserAdministration administration;
	private final SecondFactors secondFactors;
	private final AccountSessions sessions;

	UserAdminController(UserAdministration administration, SecondFactors secondFactors, AccountSessions sessions) {
		this.administration = administration;
		this.secondFactors = secondFactors;
		this.sessions = sessions;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("result", administration.search(q, Math.max(0, page), PAGE_SIZE));
		return "identity/users";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new NewUserForm("", "", "", EnumSet.noneOf(Role.class)));
		return "identity/user-new";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult binding,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "identity/user-new";
		}
		try {
			var created = administration.create(form.username(), form.displayName(), form.email(), form.roles());
			redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
			redirect.addFlashAttribute("success", "users.created");
			return "redirect:/admin/users/" + created.id();
		}
		catch (UserAdministration.UsernameTakenException e) {
			binding.rejectValue("username", "users.username.taken");
			return "identity/user-new";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		var user = load(id);
		model.addAttribute("user", user);
		model.addAttribute("form", new EditUserForm(user.version(), user.displayName(),
				user.email() == null ? "" : user.email(), user.roles(), user.enabled()));
		return "identity/user-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") EditUserForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		var user = load(id);
		model.addAttribute("user", user);
		if (binding.hasErrors()) {
			return "identity/user-edit";
		}
		boolean sessionsEnded;
		try {
			sessionsEnded = administration.update(id, form.version(), form.displayName(), form.email(), form.roles(),
					Boolean.TRUE.equals(form.enabled()));
		}
		catch (OptimisticLockingFailureException e) {
			// someone saved in between: show their version, keep nothing of ours silently
			model.addAttribute("conflict", true);
			model.addAttribute("form", new EditUserForm(user.version(), user.displayName(),
					user.email() == null ? "" : user.email(), user.roles(), user.enabled()));
			model.addAttribute("mine", form);
			return "identity/user-edit";
		}
		redirect.addFlashAttribute("success", sessionsEnded ? "users.saved.sessionsEnded" : "users.saved");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		load(id);
		administration.unlock(id);
		redirect.addFlashAttribute("success", "users.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
		load(id);
		redirect.addFlashAttribute("oneTimePassword", administration.resetPassword(id));
		redirect.addFlashAttribute("success", "users.password.reset");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-second-factor")
	String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
		load(id);
		secondFactors.resetByAdministrator(id);
		redirect.addFlashAttribute("success", "users.secondFactor.reset");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/end-sessions")
	String endSessions(@PathVariable UUID id, RedirectAttributes redirect) {
		load(id);
		redirect.addFlashAttribute("sessionsEnded", sessions.endAll(id));
		redirect.addFlashAttribute("success", "users.sessions.ended");
		return "redirect:/admin/users/" + id;
	}

	private UserView load(UUID id) {
		return administration.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	record NewUserForm(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String username,
			@NotBlank @Size(max = 200) String displayName, @Email @Size(max = 254) String email,
			@NotEmpty Set<Role> roles) {
	}

	record EditUserForm(int version, @NotBlank @Size(max = 200) String displayName, @Email @Size(max = 254) String email,
			@NotEmpty Set<Role> roles, Boolean enabled) {
	}
}
