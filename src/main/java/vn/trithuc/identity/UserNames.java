package vn.trithuc.identity;

import org.jspecify.annotations.Nullable;

/**
 * How pages name the user who did something: the account's display name ("Nguyễn Thị Lan"), else what was recorded
 * (an account since removed, or a job such as "system"). Templates reach it as {@code ${@userNames.of(name)}}.
 */
public interface UserNames {

	/** The display name of the account {@code username}; the user name itself when there is none; "" for null. */
	String of(@Nullable String username);
}
