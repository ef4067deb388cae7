package vn.trithuc.identity.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.trithuc.identity.internal.Passkeys;
import vn.trithuc.identity.internal.SecondFactorLogin;
import vn.trithuc.identity.internal.SecondFactors;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * The second factor: TOTP (setting it up and turning it off) and passkeys (listing and removing them; registering
 * goes through Spring Security's /webauthn/register endpoints from /js/passkeys.js), and the code page of a login.
 */
@Controller
class SecondFactorController {

	static final String SETUP_SECRET = "trithuc.secondFactorSetupSecret";

	private final SecondFactors secondFactors;
	private final SecondFactorLogin login;
	private final UserAdministration administration;
	private final Passkeys passkeys;

	SecondFactorController(SecondFactors secondFactors, SecondFactorLogin login, UserAdministration administration,
			Passkeys passkeys) {
		this.secondFactors = secondFactors;
		this.login = login;
		this.administration = administration;
		this.passkeys = passkeys;
	}

	@GetMapping("/account/second-factor")
	String page(Principal principal, HttpSession session, Model model,
			@RequestParam(name = "registered", required = false) String registered) {
		var status = secondFactors.status(principal.getName());
		var myPasskeys = passkeys.list(principal.getName());
		if (!myPasskeys.isEmpty() && UserAdministration.secondFactorSetupRequired(session)) {
			UserAdministration.secondFactorSetUp(session); // a passkey satisfies the administrators' rule too
		}
		if (registered != null && !myPasskeys.isEmpty()) {
			model.addAttribute("success", "passkey.registered");
		}
		model.addAttribute("status", status);
		model.addAttribute("passkeys", myPasskeys);
		model.addAttribute("forced", UserAdministration.secondFactorSetupRequired(session));
		if (!status.enabled()) {
			var secret = session.getAttribute(SETUP_SECRET) instanceof String s ? s : secondFactors.newSecret();
			session.setAttribute(SETUP_SECRET, secret);
			model.addAttribute("secret", secret);
			model.addAttribute("secretGrouped", secret.replaceAll("(.{4})(?!$)", "$1 "));
			model.addAttribute("qrCode", secondFactors.qrCodeDataUri(principal.getName(), secret));
		}
		return "identity/second-factor";
	}

	@PostMapping("/account/second-factor")
	String confirm(@RequestParam(defaultValue = "") String code, Principal principal, HttpSession session,
			Model model, RedirectAttributes redirect) {
		if (!(session.getAttribute(SETUP_SECRET) instanceof String secret)
				|| secondFactors.status(principal.getName()).enabled()) {
			return "redirect:/account/second-factor";
		}
		var codes = secondFactors.enable(principal.getName(), secret, code);
		if (codes.isEmpty()) {
			model.addAttribute("codeError", "secondFactor.code.wrong");
			return page(principal, session, model, null);
		}
		session.removeAttribute(SETUP_SECRET);
		UserAdministration.secondFactorSetUp(session);
		redirect.addFlashAttribute("recoveryCodes", codes.get());
		redirect.addFlashAttribute("success", "secondFactor.enabled");
		return "redirect:/account/second-factor";
	}

	@PostMapping("/account/second-factor/disable")
	String disable(@RequestParam(defaultValue = "") String password, Principal principal, HttpSession session,
			Model model, RedirectAttributes redirect) {
		if (!secondFactors.disableWithPassword(principal.getName(), password)) {
			model.addAttribute("passwordError", "password.current.wrong");
			return page(principal, session, model, null);
		}
		if (!secondFactors.enabled(principal.getName())) {
			administration.secondFactorRemoved(principal.getName(), session);
		}
		redirect.addFlashAttribute("success", "secondFactor.disabled");
		return "redirect:/account/second-factor";
	}

	@PostMapping("/account/second-factor/passkeys/{id}/delete")
	String removePasskey(@PathVariable String id, Principal principal, HttpSession session,
			RedirectAttributes redirect) {
		if (passkeys.remove(principal.getName(), id)) {
			if (!secondFactors.enabled(principal.getName())) {
				administration.secondFactorRemoved(principal.getName(), session);
			}
			redirect.addFlashAttribute("success", "passkey.removed");
		}
		return "redirect:/account/second-factor";
	}

	@GetMapping("/login/second-factor")
	String codePage(HttpSession session, Model model) {
		var username = login.pendingUsername(session);
		if (username == null) {
			return "redirect:/login";
		}
		addLoginChoices(username, model);
		return "identity/second-factor-login";
	}

	/** The code form for users with TOTP (or without any factor left), the passkey button for users with passkeys. */
	private void addLoginChoices(String username, Model model) {
		boolean passkey = passkeys.any(username);
		model.addAttribute("passkeyOffered", passkey);
		model.addAttribute("codeOffered", secondFactors.totpEnabled(username) || !passkey);
	}

	@PostMapping("/login/second-factor")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) throws Exception {
		var refusal = login.verify(code, request, response);
		if (refusal == null) {
			return null; // logged in: the response is a redirect already
		}
		return switch (refusal) {
			case WRONG_CODE -> {
				model.addAttribute("codeError", "secondFactor.code.wrong");
				var username = login.pendingUsername(request.getSession(false));
				if (username == null) {
					yield "redirect:/login?expired";
				}
				addLoginChoices(username, model);
				yield "identity/second-factor-login";
			}
			case LOCKED -> "redirect:/login?locked";
			case DISABLED -> "redirect:/login?disabled";
			case EXPIRED -> "redirect:/login?expired";
		};
	}
}
