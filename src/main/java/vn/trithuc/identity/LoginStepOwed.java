package vn.trithuc.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the signed-in user still owes a step of the login (the forced password change, the second factor an
 * administrator must set up) on this request. Until it is done every other page sends them back to that step, so page
 * parts that would call other URLs on their own (the notice bell's polling) are left out.
 */
public final class LoginStepOwed {

	/** The request attribute the login filter sets to the owed step's path. */
	public static final String ATTRIBUTE = "trithuc.loginStepOwed";

	private LoginStepOwed() {
	}

	public static boolean on(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) != null;
	}
}
