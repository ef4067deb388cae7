package vn.trithuc.program.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the program module ({@code trithuc.program.*}).
 *
 * @param reminderDaysBefore days before the deadline when units that have not reported get a reminder
 * @param escalationDaysLate days after the deadline when the unit's leader is told
 * @param mailFrom sender address of reminder e-mails
 */
@ConfigurationProperties("trithuc.program")
record ProgramSettings(@DefaultValue("3") int reminderDaysBefore, @DefaultValue("5") int escalationDaysLate,
		@DefaultValue("trithuc@localhost") String mailFrom) {

	ProgramSettings {
		if (reminderDaysBefore < 0 || escalationDaysLate < 1) {
			throw new IllegalArgumentException("reminder days must be positive");
		}
	}
}
