package vn.trithuc.identity;

import java.util.List;

/**
 * Accounts that intellectuals open themselves from an invitation: the registry checks the invitation, identity
 * creates the account with the role intellectual and the password the person chose (the same password policy as
 * every user; no forced change at the first login, since nobody else ever knew it).
 */
public interface IntellectualAccounts {

	/** Whether a user name is taken (user names are compared in lower case). */
	boolean exists(String username);

	/**
	 * Whether the account exists and is an intellectual's only (no officer's role): the only kind of account a profile
	 * may be linked to — a profile linked to an officer's account would make it "their own" to that officer.
	 */
	boolean isIntellectualOnly(String username);

	/**
	 * Creates the account, audited as created by {@code invitedBy}'s invitation.
	 *
	 * @return the password rules broken (message key and the number it names); empty when the account was created
	 * @throws IllegalStateException when the user name is taken
	 */
	List<BrokenRule> open(String username, String displayName, String email, String password, String invitedBy);

	record BrokenRule(String messageKey, int argument) {
	}
}
