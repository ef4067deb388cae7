package vn.trithuc.identity;

/** The kinds of entries in the security audit log; each has a Vietnamese name under {@code securityEvent.type.*}. */
public enum SecurityEventType {
	LOGIN_SUCCEEDED,
	LOGIN_FAILED,
	ACCOUNT_LOCKED,
	SECOND_FACTOR_ENABLED,
	SECOND_FACTOR_DISABLED,
	SECOND_FACTOR_RESET,
	SECOND_FACTOR_FAILED,
	RECOVERY_CODE_USED,
	PASSKEY_REGISTERED,
	PASSKEY_REMOVED,
	PASSWORD_CHANGED,
	PASSWORD_RESET,
	USER_CREATED,
	USER_DISABLED,
	USER_ENABLED,
	USER_UNLOCKED,
	ROLES_CHANGED,
	SCOPE_CHANGED,
	SESSION_REVOKED,
	SESSIONS_ENDED,
	PERSONAL_DATA_EXPORTED;

	public String messageKey() {
		return "securityEvent.type." + name();
	}
}
