package vn.trithuc.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;

/**
 * {@link RegistryFacts}: a person's facts through time. The periods are cut at every start and end of a degree,
 * academic title, position or party membership; in each period the highest degree held, the highest title, the
 * position started last (as {@link Profiles#refreshDerived}) and party membership apply.
 */
@Component
@Transactional(readOnly = true)
class RegistryFactsQuery implements RegistryFacts {

	private static final String PERSON_COLUMNS = "p.id, p.sex, p.birth_date, p.birth_year, p.ethnic_group, p.residence";
	private static final String PART_COLUMNS = """
			pp.kind, pp.valid_from, pp.valid_to, pp.attributes->>'level', pp.attributes->>'fieldOfStudy',
			pp.attributes->>'title', pp.attributes->>'orgUnit', pp.attributes->>'personnelCategory'""";
	private static final String KINDS = "('DEGREE', 'ACADEMIC_TITLE', 'POSITION', 'PARTY_MEMBERSHIP')";

	private final JdbcClient jdbc;
	private final JdbcTemplate streaming;
	private final RegistryCodes codes;

	RegistryFactsQuery(JdbcClient jdbc, DataSource dataSource, RegistryCodes codes) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5_000);
		this.codes = codes;
	}

	record PersonRow(UUID id, Sex sex, @Nullable LocalDate birthDate, @Nullable Integer birthYear,
			@Nullable String ethnicGroup, @Nullable UUID residence) {
	}

	record PartRow(PartKind kind, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String level,
			@Nullable String field, @Nullable String title, @Nullable String orgUnit, @Nullable String category) {

		boolean validOn(LocalDate date) {
			return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
		}
	}

	@Override
	public List<PersonFacts> timeline(PersonId person) {
		var rows = jdbc.sql("select " + PERSON_COLUMNS + " from registry.person p where p.id = :id and p.merged_into is null")
			.param("id", person.value()).query((rs, n) -> personRow(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		var parts = jdbc.sql("select " + PART_COLUMNS + " from registry.person_part pp where pp.person_id = :id and pp.kind in "
				+ KINDS).param("id", person.value()).query((rs, n) -> partRow(rs, 1)).list();
		return timeline(rows.get(0), parts);
	}

	@Override
	public void forEachTimeline(Consumer<List<PersonFacts>> consumer) {
		forEachTimeline("", null, consumer);
	}

	private static final int TIMELINE_BATCH = 5_000;

	@Override
	public void forEachTimeline(Collection<PersonId> people, Consumer<List<PersonFacts>> consumer) {
		var ids = people.stream().map(PersonId::toString).distinct().toArray(String[]::new);
		for (int from = 0; from < ids.length; from += TIMELINE_BATCH) {
			forEachTimeline(" and p.id = any(cast(? as uuid[]))",
					java.util.Arrays.copyOfRange(ids, from, Math.min(ids.length, from + TIMELINE_BATCH)), consumer);
		}
	}

	private void forEachTimeline(String condition, String @Nullable [] ids, Consumer<List<PersonFacts>> consumer) {
		var handler = new RowCallbackHandler() {
			PersonRow current;
			List<PartRow> parts = new ArrayList<>();

			@Override
			public void processRow(ResultSet rs) throws SQLException {
				var id = rs.getObject(1, UUID.class);
				if (current == null || !current.id().equals(id)) {
					flush();
					current = personRow(rs);
					parts = new ArrayList<>();
				}
				if (rs.getString(7) != null) {
					parts.add(partRow(rs, 7));
				}
			}

			void flush() {
				if (current != null) {
					consumer.accept(timeline(current, parts));
				}
			}
		};
		streaming.query("select " + PERSON_COLUMNS + ", " + PART_COLUMNS
				+ " from registry.person p left join registry.person_part pp on pp.person_id = p.id and pp.kind in " + KINDS
				+ " where p.merged_into is null" + condition + " order by p.id", handler, ids == null ? new Object[0] : new Object[] { ids });
		handler.flush();
	}

	/**
	 * The same counts as the interface's definition over every timeline, in one SQL aggregate: an intellectual on
	 * {@code date} holds a degree then or has none recorded; the unit is that of the position valid then that
	 * started last; a doctorate is a doctor's or doctor of science degree held then (the two highest ranks, so the
	 * highest degree held is one); the age from the birth date, else the birth year.
	 */
	@Override
	public Map<UUID, UnitCounts> countsByOrgUnit(LocalDate date, int youngAge) {
		var counts = new HashMap<UUID, UnitCounts>();
		jdbc.sql("""
				with position as (
				  select distinct on (pp.person_id) pp.person_id, pp.attributes->>'orgUnit' as org_unit
				  from registry.person_part pp
				  where pp.kind = 'POSITION' and (pp.valid_from is null or pp.valid_from <= :d)
				    and (pp.valid_to is null or pp.valid_to >= :d)
				  order by pp.person_id, pp.valid_from desc nulls last
				), counted as (
				  select cast(pos.org_unit as uuid) as org_unit,
				    exists (select 1 from registry.person_part g where g.person_id = p.id and g.kind = 'DEGREE'
				      and g.attributes->>'level' in ('TIEN_SI', 'TIEN_SI_KHOA_HOC')
				      and (g.valid_from is null or g.valid_from <= :d) and (g.valid_to is null or g.valid_to >= :d)) as doctorate,
				    case when p.birth_date is not null then date_part('year', age(:d, p.birth_date)) <= :young
				      when p.birth_year is not null then :year - p.birth_year <= :young else false end as young
				  from registry.person p join position pos on pos.person_id = p.id
				  where p.merged_into is null and pos.org_unit is not null and pos.org_unit <> ''
				    and (not exists (select 1 from registry.person_part g where g.person_id = p.id and g.kind = 'DEGREE')
				      or exists (select 1 from registry.person_part g where g.person_id = p.id and g.kind = 'DEGREE'
				        and (g.valid_from is null or g.valid_from <= :d) and (g.valid_to is null or g.valid_to >= :d)))
				)
				select org_unit, count(*), count(*) filter (where doctorate), count(*) filter (where young)
				from counted group by org_unit""")
			.param("d", date).param("young", youngAge).param("year", date.getYear())
			.query((RowCallbackHandler) rs -> counts.put(rs.getObject(1, UUID.class),
					new UnitCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4))));
		return counts;
	}

	@Override
	public List<PersonId> people() {
		return jdbc.sql("select id from registry.person where merged_into is null").query(UUID.class).list().stream()
			.map(PersonId::new).toList();
	}

	@Override
	public Map<PersonId, vn.trithuc.registry.Qualifications> qualifications(Collection<PersonId> people, LocalDate date) {
		record Held(List<vn.trithuc.registry.Qualifications.Degree> degrees, List<String> theory, List<String> management,
				List<String> languages, List<String> it, LocalDate[] positionFrom, String[] jobPosition) {
		}
		var held = new HashMap<PersonId, Held>();
		if (people.isEmpty()) {
			return Map.of();
		}
		jdbc.sql("""
				select p.id, pp.kind, pp.valid_from, pp.attributes->>'level', pp.attributes->>'fieldOfStudy', pp.attributes->>'jobPosition'
				from registry.person p left join registry.person_part pp on pp.person_id = p.id
				  and pp.kind in ('DEGREE', 'POLITICAL_THEORY', 'STATE_MANAGEMENT', 'FOREIGN_LANGUAGE', 'IT_LEVEL', 'POSITION')
				  and (pp.valid_from is null or pp.valid_from <= :date) and (pp.valid_to is null or pp.valid_to >= :date)
				where p.id = any(cast(:ids as uuid[])) and p.merged_into is null""")
			.param("ids", people.stream().map(PersonId::toString).toArray(String[]::new)).param("date", date)
			.query((RowCallbackHandler) rs -> {
				var h = held.computeIfAbsent(new PersonId(rs.getObject(1, UUID.class)), k -> new Held(new ArrayList<>(), new ArrayList<>(),
						new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LocalDate[1], new String[1]));
				var kind = rs.getString(2);
				var level = rs.getString(4);
				if (kind == null) {
					return;
				}
				switch (kind) {
					case "DEGREE" -> {
						if (level != null) {
							var field = rs.getString(5);
							h.degrees().add(new vn.trithuc.registry.Qualifications.Degree(level, field == null || field.isEmpty() ? null : field));
						}
					}
					case "POLITICAL_THEORY" -> add(h.theory(), level);
					case "STATE_MANAGEMENT" -> add(h.management(), level);
					case "FOREIGN_LANGUAGE" -> add(h.languages(), level);
					case "IT_LEVEL" -> add(h.it(), level);
					case "POSITION" -> {
						var from = rs.getObject(3, LocalDate.class);
						if (h.jobPosition()[0] == null && h.positionFrom()[0] == null
								|| from != null && (h.positionFrom()[0] == null || from.isAfter(h.positionFrom()[0]))) {
							h.positionFrom()[0] = from;
							var job = rs.getString(6);
							h.jobPosition()[0] = job == null || job.isBlank() ? null : job.strip();
						}
					}
					default -> {
					}
				}
			});
		var result = new HashMap<PersonId, vn.trithuc.registry.Qualifications>();
		held.forEach((person, h) -> result.put(person, new vn.trithuc.registry.Qualifications(person, h.degrees(), h.theory(),
				h.management(), h.languages(), h.it(), h.jobPosition()[0])));
		return result;
	}

	private static void add(List<String> levels, @Nullable String level) {
		if (level != null && !level.isEmpty()) {
			levels.add(level);
		}
	}

	@Override
	public Map<PersonId, String> displayNames(Collection<PersonId> people) {
		var names = new HashMap<PersonId, String>();
		if (people.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				select id, family_name, middle_name, given_name from registry.person
				where id = any(cast(:ids as uuid[])) and merged_into is null""")
			.param("ids", people.stream().map(PersonId::toString).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> {
				var middle = rs.getString(3);
				names.put(new PersonId(rs.getObject(1, UUID.class)), middle == null || middle.isEmpty()
						? rs.getString(2) + " " + rs.getString(4) : rs.getString(2) + " " + middle + " " + rs.getString(4));
			});
		return names;
	}

	private static PersonRow personRow(ResultSet rs) throws SQLException {
		return new PersonRow(rs.getObject(1, UUID.class), Sex.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
				(Integer) rs.getObject(4), rs.getString(5), rs.getObject(6, UUID.class));
	}

	private static PartRow partRow(ResultSet rs, int first) throws SQLException {
		return new PartRow(PartKind.valueOf(rs.getString(first)), rs.getObject(first + 1, LocalDate.class),
				rs.getObject(first + 2, LocalDate.class), rs.getString(first + 3), rs.getString(first + 4),
				rs.getString(first + 5), rs.getString(first + 6), rs.getString(first + 7));
	}

	/** Cuts the person's time at every change and describes each period; adjacent equal periods are joined. */
	List<PersonFacts> timeline(PersonRow person, List<PartRow> parts) {
		var cuts = new TreeSet<LocalDate>();
		for (var part : parts) {
			if (part.from() != null) {
				cuts.add(part.from());
			}
			if (part.to() != null) {
				cuts.add(part.to().plusDays(1));
			}
		}
		var result = new ArrayList<PersonFacts>();
		LocalDate start = null;
		var bounds = new ArrayList<>(cuts);
		for (int i = 0; i <= bounds.size(); i++) {
			LocalDate end = i < bounds.size() ? bounds.get(i).minusDays(1) : null;
			LocalDate probe = start != null ? start : end != null ? end : LocalDate.of(2000, 1, 1);
			var facts = factsOn(person, parts, probe, start, end);
			if (facts != null) {
				var last = result.isEmpty() ? null : result.get(result.size() - 1);
				if (last != null && last.sameFacts(facts) && last.validTo() != null && start != null
						&& last.validTo().plusDays(1).equals(start)) {
					result.set(result.size() - 1, last.during(last.validFrom(), end));
				}
				else {
					result.add(facts);
				}
			}
			start = i < bounds.size() ? bounds.get(i) : null;
		}
		return result;
	}

	private @Nullable PersonFacts factsOn(PersonRow person, List<PartRow> parts, LocalDate date, @Nullable LocalDate from,
			@Nullable LocalDate to) {
		var degrees = parts.stream().filter(p -> p.kind() == PartKind.DEGREE).toList();
		var held = degrees.stream().filter(p -> p.validOn(date)).toList();
		if (!degrees.isEmpty() && held.isEmpty()) {
			return null;
		}
		var degree = held.stream().filter(p -> p.level() != null)
			.max(Comparator.comparingInt((PartRow p) -> codes.degreeRank(p.level())));
		var title = parts.stream().filter(p -> p.kind() == PartKind.ACADEMIC_TITLE && p.validOn(date) && p.title() != null)
			.map(PartRow::title).max(Comparator.comparingInt(t -> t.equals("GS") ? 2 : t.equals("PGS") ? 1 : 0));
		var position = parts.stream().filter(p -> p.kind() == PartKind.POSITION && p.validOn(date))
			.max(Comparator.comparing(PartRow::from, Comparator.nullsFirst(Comparator.naturalOrder())));
		boolean party = parts.stream().anyMatch(p -> p.kind() == PartKind.PARTY_MEMBERSHIP && p.validOn(date));
		UUID unit = position.map(PartRow::orgUnit).filter(s -> s != null && !s.isEmpty()).map(UUID::fromString).orElse(null);
		return new PersonFacts(new PersonId(person.id()), from, to, person.sex(), person.birthDate(), person.birthYear(),
				person.ethnicGroup(), degree.map(PartRow::level).orElse(null),
				degree.map(PartRow::field).filter(f -> !f.isEmpty()).orElse(null), title.orElse(null),
				position.map(PartRow::category).filter(c -> !c.isEmpty()).orElse(null), unit, person.residence(), party);
	}
}
