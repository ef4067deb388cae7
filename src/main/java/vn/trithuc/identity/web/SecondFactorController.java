package vn.trithuc.identity.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.trithuc.identity.internal.SecondFactorLogin;
import vn.trithuc.identity.internal.SecondFactors;
import vn.trithuc.identity.internal.UserAdministration;

/** The TOTP second factor: setting it up and turning it off (account), and the code page of a login. */
@Controller
class SecondFactorController {

	static final String SETUP_SECRET = "trithuc.secondFactorSetupSecret";

	private final SecondFactors secondFactors;
	private final SecondFactorLogin login;
	private final UserAdministration administration;

	SecondFactorController(SecondFactors secondFactors, SecondFactorLogin login, UserAdministration administration) {
		this.secondFactors = secondFactors;
		this.login = login;
		this.administration = administration;
	}

	@GetMapping("/account/second-factor")
	String page(Principal principal, HttpSession session, Model model) {
		var status = secondFactors.status(principal.getName());
		model.addAttribute("status", status);
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
			return page(principal, session, model);
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
			return page(principal, session, model);
		}
		administration.secondFactorRemoved(principal.getName(), session);
		redirect.addFlashAttribute("success", "secondFactor.disabled");
		return "redirect:/account/second-factor";
	}

	@GetMapping("/login/second-factor")
	String codePage(HttpSession session) {
		return login.pending(session) ? "identity/second-factor-login" : "redirect:/login";
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
				yield "identity/second-factor-login";
			}
			case LOCKED -> "redirect:/login?locked";
			case DISABLED -> "redirect:/login?disabled";
			case EXPIRED -> "redirect:/login?expired";
		};
	}
}
