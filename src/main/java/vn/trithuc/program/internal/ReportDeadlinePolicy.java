package vn.trithuc.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.trithuc.program.Timeliness;
import vn.trithuc.shared.Formats;

/**
 * Timeliness of a unit report: on time when first sent on or before the deadline day (Vietnam time); late
 * after; not sent is missing once the deadline day is over and not yet due before. A report returned for
 * correction still counts from its first sending.
 */
final class ReportDeadlinePolicy {

	private final Clock clock;

	ReportDeadlinePolicy(Clock clock) {
		this.clock = clock;
	}

	Timeliness timeliness(@Nullable Instant firstSubmittedAt, LocalDate deadline) {
		if (firstSubmittedAt != null) {
			var sentOn = firstSubmittedAt.atZone(Formats.ZONE).toLocalDate();
			return sentOn.isAfter(deadline) ? Timeliness.LATE : Timeliness.ON_TIME;
		}
		var today = LocalDate.now(clock.withZone(Formats.ZONE));
		return today.isAfter(deadline) ? Timeliness.MISSING : Timeliness.NOT_DUE;
	}
}
