package vn.trithuc.planning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.planning.JobPositionCompliance;
import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.Qualifications;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.shared.VietnameseText;

/**
 * Job positions of each unit with their title standards (DOMAIN.md: degree, field, political theory, state management,
 * foreign language, IT), who holds them (the job position recorded on the person's current registry position, same
 * unit, same title ignoring case and diacritics), and who meets which standard and lacks what.
 */
@Component
public class JobPositions implements JobPositionCompliance {

	private final JdbcClient jdbc;
	private final Workforce workforce;
	private final RegistryFacts registry;
	private final Levels levels;
	private final OrgUnits orgUnits;
	private final Clock clock;

	JobPositions(JdbcClient jdbc, Workforce workforce, RegistryFacts registry, Levels levels, OrgUnits orgUnits, Clock clock) {
		this.jdbc = jdbc;
		this.workforce = workforce;
		this.registry = registry;
		this.levels = levels;
		this.orgUnits = orgUnits;
		this.clock = clock;
	}

	/** The criteria of a title standard. */
	public enum Criterion {
		DEGREE, POLITICAL_THEORY, STATE_MANAGEMENT, FOREIGN_LANGUAGE, IT_LEVEL;

		public String messageKey() {
			return "planning.criterion." + name();
		}
	}

	/**
	 * A job position with the title standard in force from {@code validFrom} (null = since ever) until the position's next
	 * standard; each standard is a catalog code, null = not required.
	 */
	public record JobPosition(UUID id, UUID orgUnit, String title, @Nullable String degree, @Nullable String fieldOfStudy,
			@Nullable String politicalTheory, @Nullable String stateManagement, @Nullable String foreignLanguage,
			@Nullable String itLevel, @Nullable LocalDate validFrom) {

		public boolean hasStandard() {
			return degree != null || fieldOfStudy != null || politicalTheory != null || stateManagement != null || foreignLanguage != null
					|| itLevel != null;
		}
	}

	/** A requirement not met: which criterion, and the required code (the field for a degree in a field). */
	public record Gap(Criterion criterion, String required, @Nullable String field) {
	}

	/** One holder and how they stand against the position's standard. */
	public record Holder(PersonFacts facts, JobPosition position, List<Criterion> required, List<Gap> gaps) {

		public boolean meets() {
			return gaps.isEmpty();
		}

		public boolean lacks(Criterion c) {
			return gaps.stream().anyMatch(g -> g.criterion() == c);
		}
	}

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

	private static final String POSITION_COLUMNS = "id, org_unit, title, degree, field_of_study, political_theory, state_management,"
			+ " foreign_language, it_level, valid_from";

	/** Every standard of the scope's positions, each position's standards oldest first. */
	public List<JobPosition> list(Scope scope) {
		return jdbc.sql("select " + POSITION_COLUMNS + " from planning.job_position order by org_unit, lower(title), valid_from nulls first")
			.query((rs, n) -> position(rs)).list().stream().filter(p -> scope.includes(p.orgUnit())).toList();
	}

	/** The scope's positions with the standard in force on {@code date} (positions whose first standard starts later are left out). */
	public List<JobPosition> inForce(Scope scope, LocalDate date) {
		return jdbc.sql("select distinct on (org_unit, lower(title)) " + POSITION_COLUMNS + " from planning.job_position"
				+ " where valid_from is null or valid_from <= :d order by org_unit, lower(title), valid_from desc nulls last")
			.param("d", date).query((rs, n) -> position(rs)).list().stream().filter(p -> scope.includes(p.orgUnit())).toList();
	}

	private static JobPosition position(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new JobPosition(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class));
	}

	/** Saves a position's standard (replacing the one of the same unit, title and first day). */
	@Transactional
	public void save(JobPosition p, Scope scope, String actor) {
		if (!scope.includes(p.orgUnit())) {
			throw new Refused("planning.needs.unitOutOfScope");
		}
		var title = VietnameseText.nfc(p.title());
		if (title == null || title.isEmpty() || title.length() > 300) {
			throw new Refused("planning.positions.titleRequired");
		}
		check(CodeListKind.EDUCATION_LEVEL, p.degree());
		check(CodeListKind.FIELD_OF_STUDY, p.fieldOfStudy());
		check(CodeListKind.POLITICAL_THEORY_LEVEL, p.politicalTheory());
		check(CodeListKind.STATE_MANAGEMENT_LEVEL, p.stateManagement());
		check(CodeListKind.FOREIGN_LANGUAGE_LEVEL, p.foreignLanguage());
		check(CodeListKind.IT_LEVEL, p.itLevel());
		jdbc.sql("delete from planning.job_position where org_unit = :u and lower(title) = lower(:t) and valid_from is not distinct from cast(:from as date)")
			.param("u", p.orgUnit()).param("t", title).param("from", p.validFrom()).update();
		jdbc.sql("""
				insert into planning.job_position (id, org_unit, title, degree, field_of_study, political_theory, state_management,
				  foreign_language, it_level, valid_from, recorded_by, recorded_at)
				values (:id, :u, :t, :d, :f, :pt, :sm, :fl, :it, :from, :a, :at)""")
			.param("id", UUID.randomUUID()).param("u", p.orgUnit()).param("t", title).param("d", p.degree()).param("f", p.fieldOfStudy())
			.param("pt", p.politicalTheory()).param("sm", p.stateManagement()).param("fl", p.foreignLanguage()).param("it", p.itLevel())
			.param("from", p.validFrom()).param("a", actor).param("at", OffsetDateTime.now(clock)).update();
	}

	private void check(CodeListKind kind, @Nullable String code) {
		if (code != null && levels.rank(kind, code).isEmpty()) {
			throw new Refused("planning.positions.levelUnknown");
		}
	}

	@Transactional
	public boolean delete(UUID id, Scope scope) {
		var unit = jdbc.sql("select org_unit from planning.job_position where id = :id").param("id", id).query(UUID.class).optional();
		return unit.isPresent() && scope.includes(unit.get())
				&& jdbc.sql("delete from planning.job_position where id = :id").param("id", id).update() == 1;
	}

	/** The holders of the scope's job positions on {@code date}, each with their gaps against the standard then in force. */
	public List<Holder> holders(LocalDate date, Scope scope) {
		var positions = new HashMap<String, JobPosition>();
		for (var p : inForce(scope, date)) {
			positions.put(p.orgUnit() + "|" + VietnameseText.fold(p.title()), p);
		}
		if (positions.isEmpty()) {
			return List.of();
		}
		var units = new HashSet<UUID>();
		positions.values().forEach(p -> units.add(p.orgUnit()));
		units.removeIf(u -> !scope.includes(u));
		var staff = workforce.asOfIn(date, units);
		var held = new HashMap<PersonId, Qualifications>();
		for (int i = 0; i < staff.size(); i += 1000) {
			held.putAll(registry.qualifications(staff.subList(i, Math.min(staff.size(), i + 1000)).stream().map(PersonFacts::person).toList(), date));
		}
		var result = new ArrayList<Holder>();
		for (var f : staff) {
			var q = held.get(f.person());
			if (q == null || q.jobPosition() == null) {
				continue;
			}
			var p = positions.get(f.orgUnit() + "|" + VietnameseText.fold(q.jobPosition()));
			if (p == null) {
				continue;
			}
			result.add(assess(f, q, p));
		}
		return result;
	}

	/** How {@code q} stands against the position's standard. */
	public Holder assess(PersonFacts f, Qualifications q, JobPosition p) {
		var required = new ArrayList<Criterion>();
		var gaps = new ArrayList<Gap>();
		if (p.degree() != null || p.fieldOfStudy() != null) {
			required.add(Criterion.DEGREE);
			boolean met = q.degrees().stream().anyMatch(d -> (p.fieldOfStudy() == null || p.fieldOfStudy().equals(d.fieldOfStudy()))
					&& (p.degree() == null || levels.atLeast(CodeListKind.EDUCATION_LEVEL, d.level(), p.degree())));
			if (!met) {
				gaps.add(new Gap(Criterion.DEGREE, p.degree() == null ? "" : p.degree(), p.fieldOfStudy()));
			}
		}
		level(Criterion.POLITICAL_THEORY, CodeListKind.POLITICAL_THEORY_LEVEL, p.politicalTheory(), q.politicalTheoryLevels(), required, gaps);
		level(Criterion.STATE_MANAGEMENT, CodeListKind.STATE_MANAGEMENT_LEVEL, p.stateManagement(), q.stateManagementLevels(), required, gaps);
		level(Criterion.FOREIGN_LANGUAGE, CodeListKind.FOREIGN_LANGUAGE_LEVEL, p.foreignLanguage(), q.foreignLanguageLevels(), required, gaps);
		level(Criterion.IT_LEVEL, CodeListKind.IT_LEVEL, p.itLevel(), q.itLevels(), required, gaps);
		return new Holder(f, p, required, gaps);
	}

	private void level(Criterion c, CodeListKind kind, @Nullable String requiredCode, List<String> heldCodes, List<Criterion> required,
			List<Gap> gaps) {
		if (requiredCode == null) {
			return;
		}
		required.add(c);
		if (heldCodes.stream().noneMatch(h -> levels.atLeast(kind, h, requiredCode))) {
			gaps.add(new Gap(c, requiredCode, null));
		}
	}

	@Override
	public Share asOf(UUID orgUnit, LocalDate date) {
		var subtree = new HashSet<UUID>();
		orgUnits.subtreeAsOf(new OrgUnitId(orgUnit), date).forEach(u -> subtree.add(u.value()));
		var holders = holders(date, Scope.of(subtree)).stream().filter(h -> h.position().hasStandard()).toList();
		return new Share(holders.size(), holders.stream().filter(Holder::meets).count());
	}

	public Map<UUID, Share> sharesByUnit(List<Holder> holders) {
		var counts = new HashMap<UUID, long[]>();
		for (var h : holders) {
			if (!h.position().hasStandard()) {
				continue;
			}
			var c = counts.computeIfAbsent(h.position().orgUnit(), k -> new long[2]);
			c[0]++;
			if (h.meets()) {
				c[1]++;
			}
		}
		var result = new HashMap<UUID, Share>();
		counts.forEach((u, c) -> result.put(u, new Share(c[0], c[1])));
		return result;
	}

}
