package vn.trithuc.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.registry.PersonChanged;
import vn.trithuc.registry.PersonId;
import vn.trithuc.shared.VietnameseText;

/**
 * Erasure requests (PDP Law 91/2025). Public bodies keep the HR data of cadres, civil servants, public employees
 * and the armed forces under their statutory duties, and of retirees (their service records): those people get
 * the explanation instead. Anyone else (enterprise, private sector, abroad, or no position on record) may request
 * erasure; it becomes a task in the officers' queue due in {@link #WORKING_DAYS} working days (DOMAIN.md: a
 * data-subject request is answered within 2 working days; public holidays are not counted out). The officer
 * executes it — names, identifiers, contact, addresses, birth date (the birth year stays), expertise, works and
 * evidence files are removed, consents withdrawn, old values blanked in the change log; degrees, positions and
 * titles stay as anonymous statistical facts; the view log stays (it is the access record) — or refuses it with a
 * reason. Every step is in the change log.
 */
@Service
@Transactional
public class Erasures {

	public static final int WORKING_DAYS = 2;
	/** Personnel categories whose HR data public bodies keep by law. */
	public static final Set<String> STATUTORY = Set.of("CADRE", "CIVIL_SERVANT", "PUBLIC_EMPLOYEE", "ARMED_FORCES", "RETIRED");
	private static final List<String> REMOVED_PARTS = List.of("EXPERTISE", "WORK", "TALENT");

	private final JdbcClient jdbc;
	private final Profiles profiles;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Erasures(JdbcClient jdbc, Profiles profiles, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
	}

	public record Task(UUID id, UUID person, String personName, @Nullable String reason, String status, Instant requestedAt,
			LocalDate dueOn, @Nullable String decidedBy, @Nullable String refusal) {

		public boolean overdue(LocalDate today) {
			return status.equals("OPEN") && today.isAfter(dueOn);
		}
	}

	/** Whether the person may request erasure (not staff of a public body under statutory HR duties). */
	@Transactional(readOnly = true)
	public boolean eligible(UUID person) {
		var category = jdbc.sql("select personnel_category from registry.person where id = :id").param("id", person)
			.query(String.class).optional();
		return category.isEmpty() || !STATUTORY.contains(category.get());
	}

	/** @return the task, or empty when the person is not eligible or already has an open request */
	public Optional<UUID> request(UUID person, @Nullable String reason, String actor) {
		if (!eligible(person) || open(person).isPresent()) {
			return Optional.empty();
		}
		var id = UUID.randomUUID();
		var today = LocalDate.now(clock);
		jdbc.sql("""
				insert into registry.erasure_request (id, person_id, reason, status, requested_by, requested_at, due_on)
				values (:id, :p, :reason, 'OPEN', :by, :now, :due)""")
			.param("id", id).param("p", person)
			.param("reason", reason == null || reason.isBlank() ? null : VietnameseText.nfc(reason.strip()))
			.param("by", actor).param("now", Timestamp.from(clock.instant())).param("due", addWorkingDays(today, WORKING_DAYS))
			.update();
		log(person, actor, "ERASURE_REQUESTED", null);
		return Optional.of(id);
	}

	static LocalDate addWorkingDays(LocalDate from, int days) {
		var date = from;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return date;
	}

	@Transactional(readOnly = true)
	public Optional<Task> open(UUID person) {
		return tasks("where e.person_id = :person and e.status = 'OPEN'", Map.of("person", person)).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public List<Task> ofPerson(UUID person) {
		return tasks("where e.person_id = :person", Map.of("person", person));
	}

	/** Open tasks of the people the officer reaches, the earliest deadline first. */
	@Transactional(readOnly = true)
	public List<Task> queue(Caller officer, RegistryScope scope) {
		var filter = scope.filter(officer);
		return tasks("where e.status = 'OPEN' and " + filter.sql(), filter.parameters());
	}

	@Transactional(readOnly = true)
	public Optional<Task> find(UUID id, Caller officer, RegistryScope scope) {
		var filter = scope.filter(officer);
		var params = new java.util.HashMap<String, Object>(filter.parameters());
		params.put("id", id);
		return tasks("where e.id = :id and " + filter.sql(), params).stream().findFirst();
	}

	private List<Task> tasks(String where, Map<String, Object> params) {
		return jdbc.sql("""
				select e.*, p.family_name, p.middle_name, p.given_name from registry.erasure_request e
				join registry.person p on p.id = e.person_id
				""" + where + " order by e.due_on, e.requested_at limit 200").params(params)
			.query((rs, n) -> new Task(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					String.join(" ", rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"))
						.replaceAll("\\s+", " "),
					rs.getString("reason"), rs.getString("status"), rs.getTimestamp("requested_at").toInstant(),
					rs.getObject("due_on", LocalDate.class), rs.getString("decided_by"), rs.getString("refusal")))
			.list();
	}

	/** Anonymises the person's personal data and closes the task. */
	public void execute(Task task, String officer) {
		close(task.id(), "EXECUTED", officer, null);
		var person = task.person();
		var now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update registry.person set version = version + 1, family_name = 'Đã xóa', middle_name = '',
				  given_name = 'dữ liệu', other_names = null, birth_date = null, ethnic_group = null, religion = null,
				  national_id = null, old_id = null, hometown = null, residence = null, phone = null, email = null,
				  name_tokens = array['da', 'xoa', 'du', 'lieu'], name_key = 'da xoa du lieu ' || id, updated_at = :now
				where id = :id""").param("id", person).param("now", now).update();
		jdbc.sql("delete from registry.person_part where person_id = :id and kind in (:kinds)").param("id", person)
			.param("kinds", REMOVED_PARTS).update();
		jdbc.sql("delete from registry.person_photo where person_id = :id").param("id", person).update();
		jdbc.sql("""
				delete from registry.change_request_file where request_id in
				  (select id from registry.change_request where person_id = :id)""").param("id", person).update();
		jdbc.sql("update registry.change_request set attributes = '{}'::jsonb, note = null where person_id = :id")
			.param("id", person).update();
		jdbc.sql("update registry.change_log set old_value = null, new_value = null where person_id = :id")
			.param("id", person).update();
		for (var purpose : SelfService.PURPOSES) {
			jdbc.sql("insert into registry.consent (person_id, purpose, granted, at, actor) values (:p, :purpose, false, :now, :a)")
				.param("p", person).param("purpose", purpose).param("now", now).param("a", officer).update();
		}
		profiles.refreshDerived(person);
		log(person, officer, "ERASED", null);
		events.publishEvent(new PersonChanged(new PersonId(person)));
	}

	public void refuse(Task task, String officer, String reason) {
		close(task.id(), "REFUSED", officer, VietnameseText.nfc(reason.strip()));
		log(task.person(), officer, "ERASURE_REFUSED", VietnameseText.nfc(reason.strip()));
	}

	private void close(UUID id, String status, String officer, @Nullable String refusal) {
		int updated = jdbc.sql("""
				update registry.erasure_request set status = :status, decided_by = :by, decided_at = :now, refusal = :refusal
				where id = :id and status = 'OPEN'""")
			.param("status", status).param("by", officer).param("now", Timestamp.from(clock.instant()))
			.param("refusal", refusal).param("id", id).update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("erasure request " + id + " already decided");
		}
	}

	private void log(UUID person, String actor, String action, @Nullable String detail) {
		var version = jdbc.sql("select version from registry.person where id = :id").param("id", person).query(Integer.class)
			.single();
		jdbc.sql("""
				insert into registry.change_log (person_id, version, at, actor, action, field, old_value, new_value)
				values (:p, :v, :now, :actor, :action, null, null, :detail)""")
			.param("p", person).param("v", version).param("now", Timestamp.from(clock.instant())).param("actor", actor)
			.param("action", action).param("detail", detail).update();
	}
}
