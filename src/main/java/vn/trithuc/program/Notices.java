package vn.trithuc.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * In-app notices of the signed-in user: made by the reminder pass (before the deadline, when late, the
 * escalation to the unit's leaders), by an urging, and when a report is returned or accepted. A user only ever
 * reads and marks their own notices.
 */
public interface Notices {

	/** The user's notices, newest first. */
	List<Notice> notices(String username, int limit);

	int unread(String username);

	/** Marks one of the user's own notices read. @return the notice; empty when the user has no such notice */
	java.util.Optional<Notice> markRead(UUID noticeId, String username);

	/** @return how many were marked */
	int markAllRead(String username);

	/** @param comment for a returned report, the reason its reviewer gave (null otherwise, or when none was given) */
	record Notice(UUID id, NoticeKind kind, UUID reportId, String unitName, String periodName, Instant createdAt,
			@Nullable Instant readAt, @Nullable String comment) {

		public boolean isRead() {
			return readAt != null;
		}
	}
}
