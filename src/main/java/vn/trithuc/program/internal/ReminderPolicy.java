package vn.trithuc.program.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import vn.trithuc.program.ReminderKind;

/**
 * Which automatic reminder a report not yet sent is due on a day: from {@code daysBefore} days before the
 * deadline a reminder; after the deadline an overdue notice; from {@code escalationDaysLate} days late an
 * escalation to the unit's leader. Each kind goes once; a report sent needs none.
 */
final class ReminderPolicy {

	private final int daysBefore;
	private final int escalationDaysLate;

	ReminderPolicy(int daysBefore, int escalationDaysLate) {
		this.daysBefore = daysBefore;
		this.escalationDaysLate = escalationDaysLate;
	}

	Optional<ReminderKind> due(LocalDate today, LocalDate opensOn, LocalDate deadline, java.time.@Nullable Instant firstSubmittedAt,
			Set<ReminderKind> alreadySent) {
		if (firstSubmittedAt != null || today.isBefore(opensOn)) {
			return Optional.empty();
		}
		if (!today.isBefore(deadline.plusDays(escalationDaysLate))) {
			return notSent(ReminderKind.ESCALATION, alreadySent);
		}
		if (today.isAfter(deadline)) {
			return notSent(ReminderKind.OVERDUE, alreadySent);
		}
		if (!today.isBefore(deadline.minusDays(daysBefore))) {
			return notSent(ReminderKind.BEFORE_DEADLINE, alreadySent);
		}
		return Optional.empty();
	}

	private static Optional<ReminderKind> notSent(ReminderKind kind, Set<ReminderKind> alreadySent) {
		return alreadySent.contains(kind) ? Optional.empty() : Optional.of(kind);
	}
}
