package vn.trithuc.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Urging units whose reports are due or late (đôn đốc): by e-mail when the unit has an address and a mail
 * server is configured, always recorded (who, when, to whom) and shown in the application.
 */
public interface Reminders {

	/** Urges every unit of the period that has not sent its report yet. @return how many were urged */
	int urge(UUID periodId, String by);

	/** The automatic pass: reminders before the deadline, when late, and escalations, each sent once. */
	int sendDue();

	List<Reminder> reminders(UUID periodId);

	record Reminder(UUID reportId, String unitName, ReminderKind kind, Instant sentAt, String sentBy,
			@Nullable String recipient, String outcome) {
	}
}
