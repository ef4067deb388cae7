package vn.trithuc.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;

/**
 * The people behind a pivot cell, selected in SQL and paged, are exactly those that classifying every fact row in Java
 * (the former drill-down) finds: every value of every dimension and pairs of dimensions, as of today, a past year-end and
 * a date before the 2025 merge, within the boundaries of the date and of today, for the province and a unit scope;
 * generated people living in merged and partly split communes and working in units of several sectors.
 */
@IntegrationTest
class DrillDownTest {

	static final LocalDate BEFORE_MERGE = LocalDate.of(2024, 12, 31);
	static final LocalDate MID_2025 = LocalDate.of(2025, 3, 15);

	@Autowired
	Statistics statistics;
	@Autowired
	Classifier classifier;
	@Autowired
	AdminUnits adminUnits;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;

	@Test
	void the_people_of_a_cell_equal_those_classified_row_by_row() {
		var today = statistics.today();
		var roMen = commune("24877", BEFORE_MERGE);
		var damRong2 = commune("24877", today);
		var dichVong = commune("00166", BEFORE_MERGE);
		var nghiaDo = commune("00160", today);
		var units = new ArrayList<UUID>();
		units.add(unit("Trường Khoan Cắt", OrgUnitKind.SCHOOL, nghiaDo));
		units.add(unit("Trạm Y Tế Khoan Cắt", OrgUnitKind.HEALTH_FACILITY, damRong2));
		units.add(unit("Sở Khoan Cắt", OrgUnitKind.PEOPLES_COMMITTEE_DEPARTMENT, null));
		transactions.execute(s -> loader.load(new PeopleGenerator(77, List.of(roMen, damRong2, dichVong, nghiaDo), units, today), 400,
				"drill-down-test"));
		int cells = 0;
		for (var date : List.of(today, BEFORE_MERGE, MID_2025)) {
			for (var boundaries : List.of(date, today)) {
				for (var scope : List.of(Statistics.Scope.PROVINCE, new Statistics.Scope(Set.of(units.get(0), units.get(1))))) {
					var q = new Statistics.Question(date, boundaries, scope);
					var rows = classified(q);
					assertThat(rows).as("people on %s", date).isNotEmpty();
					var dimensions = new ArrayList<>(Dimension.BREAKDOWNS);
					dimensions.add(Dimension.AREA_ASSUMED);
					for (var d : dimensions) {
						for (var value : values(rows, d)) {
							check(q, rows, Map.of(d, value));
							cells++;
						}
					}
					for (var pair : List.of(List.of(Dimension.AREA, Dimension.SECTOR), List.of(Dimension.AGE_BAND, Dimension.SEX),
							List.of(Dimension.REMOTE, Dimension.DEGREE), List.of(Dimension.YOUNG, Dimension.MINORITY),
							List.of(Dimension.UNIT, Dimension.AREA_ASSUMED))) {
						for (var a : values(rows, pair.get(0))) {
							for (var b : values(rows, pair.get(1))) {
								check(q, rows, Map.of(pair.get(0), a, pair.get(1), b));
								cells++;
							}
						}
					}
					// a value nobody has, and a page beyond the end
					check(q, rows, Map.of(Dimension.DEGREE, "KHONG_CO"));
					assertThat(statistics.people(q, Map.of(Dimension.SEX, "MALE"), 1_000_000, 10).people()).isEmpty();
				}
			}
		}
		assertThat(cells).isGreaterThan(500);
		// pages of a large cell follow each other without gaps or repeats
		var q = new Statistics.Question(today, today, Statistics.Scope.PROVINCE);
		var all = statistics.people(q, Map.of(Dimension.SEX, "FEMALE"));
		var paged = new ArrayList<PersonId>();
		for (int offset = 0; offset < all.size(); offset += 37) {
			var page = statistics.people(q, Map.of(Dimension.SEX, "FEMALE"), offset, 37);
			assertThat(page.total()).isEqualTo(all.size());
			paged.addAll(page.people());
		}
		assertThat(paged).isEqualTo(all).doesNotHaveDuplicates().hasSizeGreaterThan(100);
	}

	private void check(Statistics.Question q, Map<PersonId, String[]> rows, Map<Dimension, String> cell) {
		var expected = new HashSet<PersonId>();
		rows.forEach((person, values) -> {
			for (var e : cell.entrySet()) {
				if (!values[e.getKey().ordinal()].equals(e.getValue())) {
					return;
				}
			}
			expected.add(person);
		});
		var page = statistics.people(q, cell, 0, Integer.MAX_VALUE);
		assertThat(new HashSet<>(page.people())).as("%s on %s within %s", cell, q.asOf(), q.boundaries()).isEqualTo(expected);
		assertThat(page.total()).isEqualTo(expected.size());
	}

	/** Every fact row valid on the date in the scope, classified in Java: person → value of each dimension. */
	private Map<PersonId, String[]> classified(Statistics.Question q) {
		var result = new HashMap<PersonId, String[]>();
		jdbc.sql("select " + FactStore.COLUMNS + " from analytics.fact_period where (valid_from is null or valid_from <= :d)"
				+ " and (valid_to is null or valid_to >= :d)").param("d", q.asOf()).query((rs, n) -> FactStore.facts(rs)).list()
			.forEach(f -> {
				if (q.scope().whole() || f.orgUnit() != null && q.scope().orgUnits().contains(f.orgUnit())) {
					result.put(f.person(), classifier.values(Raw.of(f, q.asOf()), q.boundaries()));
				}
			});
		return result;
	}

	private static Set<String> values(Map<PersonId, String[]> rows, Dimension d) {
		var values = new HashSet<String>();
		rows.values().forEach(v -> values.add(v[d.ordinal()]));
		return values;
	}

	private UUID commune(String code, LocalDate date) {
		return adminUnits.findByCode(code, AdminUnitLevel.COMMUNE, date).orElseThrow().id().value();
	}

	private UUID unit(String name, OrgUnitKind kind, @org.jspecify.annotations.Nullable UUID adminUnit) {
		var code = "DD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		var newUnit = OrgUnitOperations.NewUnit.of(code, name, kind, null);
		return operations.create(adminUnit == null ? newUnit : newUnit.withAdminUnit(adminUnit), LocalDate.of(2000, 1, 1),
				OrgUnitOperations.Decision.NONE).value();
	}
}
