package vn.trithuc.identity.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import vn.trithuc.identity.internal.UserAdministration;

/** A user's own account: changing the password (forced after a one-time password). */
@Controller
@RequestMapping("/account")
class AccountController {

	private final UserAdministration administration;

	AccountController(UserAdministration administration) {
		this.administration = administration;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("minLength")
	int minLength() {
		return administration.passwordMinLength();
	}

	@GetMapping("/password")
	String passwordForm(Model model, HttpSession session) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		model.addAttribute("forced", UserAdministration.passwordChangeRequired(session));
		return "identity/password";
	}

	@PostMapping("/password")
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult binding, Principal principal,
			HttpSession session, Model model, RedirectAttributes redirect) {
		model.addAttribute("forced", UserAdministration.passwordChangeRequired(session));
		if (!binding.hasFieldErrors("proposed") && !form.proposed().equals(form.confirmation())) {
			binding.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (binding.hasErrors()) {
			return "identity/password";
		}
		var violations = administration.changeOwnPassword(principal.getName(), form.current(), form.proposed());
		if (!violations.isEmpty()) {
			violations.forEach(v -> binding.rejectValue(
					v.messageKey().equals("password.current.wrong") ? "current" : "proposed", v.messageKey(),
					new Object[] { v.argument() }, v.messageKey()));
			return "identity/password";
		}
		UserAdministration.passwordChanged(session);
		redirect.addFlashAttribute("success", "password.changed");
		// an administrator without a second factor sets it up next
		return UserAdministration.secondFactorSetupRequired(session) ? "redirect:/account/second-factor" : "redirect:/";
	}

	record PasswordForm(@NotBlank String current, @NotBlank String proposed, @NotBlank String confirmation) {
	}
}
