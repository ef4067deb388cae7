package vn.trithuc.planning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.registry.PersonId;

/**
 * Per-person retirement overrides with their reason; every change is logged (who, when, what) in
 * {@code planning.retirement_override_change}.
 */
@Component
public class RetirementOverrides {

	/** At most five years earlier or later (Labour Code 2019 art. 169, DOMAIN.md). */
	public static final int MAX_YEARS = 5;

	private final JdbcClient jdbc;
	private final Clock clock;

	RetirementOverrides(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param plannedDate a planned first day of retirement, or null
	 * @param extensionMonths months after the roadmap's date, or null (exactly one of the two is given)
	 */
	public record Override(PersonId person, @Nullable LocalDate plannedDate, @Nullable Integer extensionMonths, String reason,
			String recordedBy, OffsetDateTime recordedAt, int version) {

		/** The first day in retirement given the roadmap's date. */
		public LocalDate apply(LocalDate roadmapDate) {
			return plannedDate != null ? plannedDate : roadmapDate.plusMonths(extensionMonths == null ? 0 : extensionMonths);
		}
	}

	public record Change(String action, @Nullable LocalDate plannedDate, @Nullable Integer extensionMonths,
			@Nullable String reason, String changedBy, OffsetDateTime changedAt) {
	}

	/** A refused override: {@code key} names the Vietnamese message. */
	public static final class Refused extends RuntimeException {

		private final String key;

		Refused(String key) {
			super(key);
			this.key = key;
		}

		public String key() {
			return key;
		}
	}

	public Map<PersonId, Override> all() {
		var result = new HashMap<PersonId, Override>();
		jdbc.sql("select person_id, planned_date, extension_months, reason, recorded_by, recorded_at, version from planning.retirement_override")
			.query((rs, n) -> row(rs)).list().forEach(o -> result.put(o.person(), o));
		return result;
	}

	public Optional<Override> find(PersonId person) {
		return jdbc.sql("select person_id, planned_date, extension_months, reason, recorded_by, recorded_at, version from planning.retirement_override where person_id = :p")
			.param("p", person.value()).query((rs, n) -> row(rs)).optional();
	}

	public List<Change> changes(PersonId person) {
		return jdbc.sql("""
				select action, planned_date, extension_months, reason, changed_by, changed_at
				from planning.retirement_override_change where person_id = :p order by changed_at desc, id desc""")
			.param("p", person.value())
			.query((rs, n) -> new Change(rs.getString(1), rs.getObject(2, LocalDate.class), (Integer) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/**
	 * Sets the person's override. {@code roadmapDate} is the date of the roadmap, to check the five-year bound;
	 * {@code expectedVersion} is the version the form was read at (null for a new override).
	 */
	@Transactional
	public void set(PersonId person, LocalDate roadmapDate, @Nullable LocalDate plannedDate, @Nullable Integer extensionMonths,
			String reason, String actor, @Nullable Integer expectedVersion) {
		if ((plannedDate == null) == (extensionMonths == null)) {
			throw new Refused("planning.override.oneOfTwo");
		}
		if (reason == null || reason.isBlank()) {
			throw new Refused("planning.override.reasonRequired");
		}
		if (extensionMonths != null && (extensionMonths < 1 || extensionMonths > MAX_YEARS * 12)) {
			throw new Refused("planning.override.extensionRange");
		}
		if (plannedDate != null && (plannedDate.isBefore(roadmapDate.minusYears(MAX_YEARS))
				|| plannedDate.isAfter(roadmapDate.plusYears(MAX_YEARS)))) {
			throw new Refused("planning.override.dateRange");
		}
		var now = OffsetDateTime.now(clock);
		var text = reason.strip();
		int changed;
		if (expectedVersion == null) {
			changed = jdbc.sql("""
					insert into planning.retirement_override (person_id, planned_date, extension_months, reason, recorded_by, recorded_at)
					values (:p, :d, :m, :r, :a, :t) on conflict (person_id) do nothing""")
				.param("p", person.value()).param("d", plannedDate).param("m", extensionMonths).param("r", text)
				.param("a", actor).param("t", now).update();
		}
		else {
			changed = jdbc.sql("""
					update planning.retirement_override set planned_date = :d, extension_months = :m, reason = :r,
					  recorded_by = :a, recorded_at = :t, version = version + 1
					where person_id = :p and version = :v""")
				.param("p", person.value()).param("d", plannedDate).param("m", extensionMonths).param("r", text)
				.param("a", actor).param("t", now).param("v", expectedVersion).update();
		}
		if (changed != 1) {
			throw new Refused("planning.override.conflict");
		}
		log(person, "SET", plannedDate, extensionMonths, text, actor, now);
	}

	@Transactional
	public boolean remove(PersonId person, String actor) {
		int removed = jdbc.sql("delete from planning.retirement_override where person_id = :p").param("p", person.value()).update();
		if (removed == 1) {
			log(person, "REMOVED", null, null, null, actor, OffsetDateTime.now(clock));
		}
		return removed == 1;
	}

	private void log(PersonId person, String action, @Nullable LocalDate date, @Nullable Integer months, @Nullable String reason,
			String actor, OffsetDateTime at) {
		jdbc.sql("""
				insert into planning.retirement_override_change (person_id, action, planned_date, extension_months, reason, changed_by, changed_at)
				values (:p, :action, :d, :m, :r, :a, :t)""")
			.param("p", person.value()).param("action", action).param("d", date).param("m", months).param("r", reason)
			.param("a", actor).param("t", at).update();
	}

	private static Override row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Override(new PersonId(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class), (Integer) rs.getObject(3),
				rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getInt(7));
	}
}
