package vn.trithuc.identity;

import org.jspecify.annotations.Nullable;

/**
 * The security audit log as other modules use it. The actor is the logged-in user of the current request
 * (or the system for background work), the address is the client's (behind a proxy: X-Forwarded-For).
 * Entries are append-only and kept at least six months.
 */
public interface SecurityAudit {

	/**
	 * Records that the current user exported personal data, e.g. a registry list to Excel.
	 *
	 * @param what what was exported, e.g. registry people list
	 * @param rows how many records left the system
	 */
	void recordPersonalDataExport(String what, long rows);

	/** Records that the org-unit scope of {@code subjectUsername} changed, by the current user. */
	void recordScopeChange(String subjectUsername, String details);

	/** Records any other event type, by the current user. */
	void record(SecurityEventType type, @Nullable String subjectUsername, @Nullable String details);
}
