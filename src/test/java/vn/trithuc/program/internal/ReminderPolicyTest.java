package vn.trithuc.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.trithuc.program.ReminderKind;

/** When the automatic reminders go: 3 days before, after the deadline, 5 days late to the leader; once each. */
class ReminderPolicyTest {

	private final ReminderPolicy policy = new ReminderPolicy(3, 5);
	private final LocalDate opens = LocalDate.of(2024, 6, 1);
	private final LocalDate deadline = LocalDate.of(2024, 6, 21);

	@Test
	void nothing_before_the_reminder_window_nor_before_the_period_opens() {
		assertThat(policy.due(LocalDate.of(2024, 6, 17), opens, deadline, null, Set.of())).isEmpty();
		assertThat(policy.due(LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 2), null, Set.of()))
			.isEmpty();
	}

	@Test
	void a_reminder_three_days_before_the_deadline_and_only_once() {
		assertThat(policy.due(LocalDate.of(2024, 6, 18), opens, deadline, null, Set.of())).contains(ReminderKind.BEFORE_DEADLINE);
		assertThat(policy.due(LocalDate.of(2024, 6, 21), opens, deadline, null, EnumSet.of(ReminderKind.BEFORE_DEADLINE)))
			.isEmpty();
	}

	@Test
	void an_overdue_notice_the_day_after_then_the_leader_after_five_days() {
		var before = EnumSet.of(ReminderKind.BEFORE_DEADLINE);
		assertThat(policy.due(LocalDate.of(2024, 6, 22), opens, deadline, null, before)).contains(ReminderKind.OVERDUE);
		before.add(ReminderKind.OVERDUE);
		assertThat(policy.due(LocalDate.of(2024, 6, 25), opens, deadline, null, before)).isEmpty();
		assertThat(policy.due(LocalDate.of(2024, 6, 26), opens, deadline, null, before)).contains(ReminderKind.ESCALATION);
		before.add(ReminderKind.ESCALATION);
		assertThat(policy.due(LocalDate.of(2024, 7, 30), opens, deadline, null, before)).isEmpty();
	}

	@Test
	void a_report_sent_needs_no_reminder() {
		assertThat(policy.due(LocalDate.of(2024, 6, 30), opens, deadline, Instant.parse("2024-06-20T02:00:00Z"), Set.of()))
			.isEmpty();
	}
}
