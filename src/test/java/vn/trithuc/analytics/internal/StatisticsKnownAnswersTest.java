package vn.trithuc.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/**
 * Every figure equals a count made without the analytics module: people of known answers created through the
 * registry (the expected figures follow from how they were made), and generated people counted one by one through
 * the registry's API; as of today and a past year-end (pre-aggregated) and of dates in between (computed), across
 * the 2025 merge (old Rô Men counts in Đam Rông 2) and a partial split (Dịch Vọng → Nghĩa Đô where the person's
 * own unit lies, else the primary successor Cầu Giấy flagged as assumed; never twice).
 */
@IntegrationTest
class StatisticsKnownAnswersTest {

	static final LocalDate BEFORE_MERGE = LocalDate.of(2024, 12, 31);
	static final LocalDate MID_2025 = LocalDate.of(2025, 3, 15);
	static final LocalDate AFTER_MERGE = LocalDate.of(2025, 9, 30);

	@Autowired
	Profiles profiles;
	@Autowired
	Statistics statistics;
	@Autowired
	AdminUnits adminUnits;
	@Autowired
	RegistryFacts registry;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	vn.trithuc.orgunit.internal.OrgUnitOperations operations;
	@Autowired
	RemoteAreaLists remoteAreaLists;
	@Autowired
	RemoteAreas remoteAreas;
	@Autowired
	Snapshots snapshots;
	@Autowired
	AnalyticsUpdater updater;

	/** How a test person was made: what they hold and since when. */
	record Spec(Sex sex, LocalDate birth, String ethnic, String degree, LocalDate degreeFrom, String field,
			String category, UUID unit, LocalDate positionFrom, UUID residence, LocalDate partyFrom) {
	}

	@Test
	void every_figure_equals_the_known_answer_before_and_after_the_merge() {
		var today = statistics.today();
		var dates = List.of(today, BEFORE_MERGE, MID_2025, AFTER_MERGE);
		var roMen = adminUnits.findByCode("24877", AdminUnitLevel.COMMUNE, BEFORE_MERGE).orElseThrow().id().value();
		var damRong2 = adminUnits.findByCode("24877", AdminUnitLevel.COMMUNE, AFTER_MERGE).orElseThrow().id().value();
		var dichVong = adminUnits.findByCode("00166", AdminUnitLevel.COMMUNE, BEFORE_MERGE).orElseThrow().id().value();
		var cauGiay = adminUnits.findByCode("00166", AdminUnitLevel.COMMUNE, AFTER_MERGE).orElseThrow().id().value();
		// remote-area lists: old Rô Men until the merger, the new Đam Rông 2 from it
		if (remoteAreas.all().stream().noneMatch(e -> e.adminUnit().equals(roMen))) {
			remoteAreaLists.add(roMen, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 6, 30), "861/QĐ-TTg", "test");
			remoteAreaLists.add(damRong2, LocalDate.of(2025, 7, 1), null, "Danh sách thử", "test");
			awaitSnapshots();
		}
		var before = new HashMap<LocalDate, Statistics.Breakdowns>();
		dates.forEach(d -> before.put(d, statistics.dashboard(question(d))));

		var random = new Random(2030);
		var nghiaDo = adminUnits.findByCode("00160", AdminUnitLevel.COMMUNE, AFTER_MERGE).orElseThrow().id().value();
		// unit A lies in Nghĩa Đô: its people from the split Dịch Vọng go there; unit B has no address
		var unitA = unit("Trường Thống Kê A", nghiaDo);
		var unitB = unit("Trung tâm Y tế Thống Kê B", null, vn.trithuc.orgunit.OrgUnitKind.HEALTH_FACILITY);
		var specs = new ArrayList<Spec>();
		String[] degrees = { "DAI_HOC", "THAC_SI", "TIEN_SI" };
		String[] ethnic = { "01", "01", "15", "28" };
		for (int i = 0; i < 24; i++) {
			var sex = i % 3 == 0 ? Sex.MALE : Sex.FEMALE;
			var birth = LocalDate.of(1958 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
			var degreeFrom = LocalDate.of(2015 + random.nextInt(11), 1 + random.nextInt(12), 1);
			var positionFrom = LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1);
			var residence = i % 3 == 0 ? roMen : i % 3 == 1 ? dichVong : damRong2;
			var partyFrom = i % 4 == 0 ? LocalDate.of(2025, 1 + random.nextInt(12), 1) : null;
			specs.add(new Spec(sex, birth, ethnic[i % ethnic.length], degrees[i % degrees.length], degreeFrom,
					i % 2 == 0 ? "14" : "72", i % 2 == 0 ? "PUBLIC_EMPLOYEE" : "CIVIL_SERVANT", i % 2 == 0 ? unitA : unitB,
					positionFrom, residence, partyFrom));
		}
		for (var s : specs) {
			create(s);
		}

		for (var date : dates) {
			var after = statistics.dashboard(question(date));
			var expected = new HashMap<Dimension, Map<String, Long>>();
			long total = 0;
			for (var s : specs) {
				if (s.degreeFrom().isAfter(date)) {
					continue;
				}
				total++;
				int age = Period.between(s.birth(), date).getYears();
				boolean positioned = !s.positionFrom().isAfter(date);
				boolean merged = !date.isBefore(LocalDate.of(2025, 7, 1));
				boolean ownUnitInNghiaDo = positioned && s.unit().equals(unitA);
				var area = s.residence().equals(dichVong) ? (merged ? (ownUnitInNghiaDo ? nghiaDo : cauGiay) : dichVong)
						: s.residence().equals(roMen) && merged ? damRong2 : s.residence();
				if (!merged && s.residence().equals(damRong2)) {
					area = roMen; // a new commune seen within old boundaries: the predecessor that kept its code (assumed)
				}
				boolean assumed = (merged && s.residence().equals(dichVong) && !ownUnitInNghiaDo) || (!merged && s.residence().equals(damRong2));
				inc(expected, Dimension.SEX, s.sex().name());
				inc(expected, Dimension.AGE_BAND, age < 30 ? "UNDER_30" : age <= 40 ? "30_40" : age <= 50 ? "41_50" : age <= 60 ? "51_60" : "OVER_60");
				inc(expected, Dimension.YOUNG, Boolean.toString(age <= 35));
				inc(expected, Dimension.MINORITY, Boolean.toString(!s.ethnic().equals("01")));
				inc(expected, Dimension.ETHNIC_GROUP, s.ethnic());
				inc(expected, Dimension.DEGREE, s.degree());
				inc(expected, Dimension.FIELD, s.field());
				inc(expected, Dimension.CATEGORY, positioned ? s.category() : "");
				inc(expected, Dimension.UNIT, positioned ? s.unit().toString() : "");
				inc(expected, Dimension.SECTOR, positioned ? (s.unit().equals(unitA) ? "EDUCATION" : "HEALTH") : "");
				boolean remote = merged ? area.equals(damRong2) : area.equals(roMen) || s.residence().equals(roMen);
				inc(expected, Dimension.REMOTE, Boolean.toString(remote && !date.isBefore(LocalDate.of(2021, 1, 1))));
				inc(expected, Dimension.AREA, area.toString());
				inc(expected, Dimension.AREA_ASSUMED, Boolean.toString(assumed));
				inc(expected, Dimension.PARTY, Boolean.toString(s.partyFrom() != null && !s.partyFrom().isAfter(date)));
			}
			assertThat(after.total() - before.get(date).total()).as("total on %s", date).isEqualTo(total);
			for (var e : expected.entrySet()) {
				for (var v : e.getValue().entrySet()) {
					assertThat(after.count(e.getKey(), v.getKey()) - before.get(date).count(e.getKey(), v.getKey()))
						.as("%s = %s on %s", e.getKey(), v.getKey(), date).isEqualTo(v.getValue());
				}
			}
			// never counted twice: each breakdown adds up to the total
			for (var d : Dimension.BREAKDOWNS) {
				assertThat(after.of(d).values().stream().mapToLong(Long::longValue).sum()).as("%s sums to total", d)
					.isEqualTo(after.total());
			}
			// unit A's people by the pivot equal the known answer, and the drill-down lists exactly them
			long inUnitA = specs.stream().filter(s -> s.unit().equals(unitA) && !s.degreeFrom().isAfter(date)
					&& !s.positionFrom().isAfter(date)).count();
			var pivot = statistics.pivot(question(date), Dimension.UNIT, Dimension.SEX);
			long pivotA = pivot.cells().getOrDefault(unitA.toString(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
			assertThat(pivotA).as("unit A on %s", date).isEqualTo(inUnitA);
			assertThat(statistics.people(question(date), Map.of(Dimension.UNIT, unitA.toString()))).hasSize((int) inUnitA);
		}
		// the old boundaries still answer after the merge: Rô Men people of 31/12/2024 seen with today's communes
		var oldWithNew = statistics.dashboard(new Statistics.Question(BEFORE_MERGE, today, Statistics.Scope.PROVINCE));
		assertThat(oldWithNew.count(Dimension.AREA, roMen.toString())).isZero();
		assertThat(oldWithNew.preAggregated()).isFalse();
	}

	@Test
	void pre_aggregated_figures_stay_equal_to_figures_computed_from_facts_after_changes() {
		var today = statistics.today();
		var scopeUnit = unit("Trường Thống Kê C", null);
		var made = create(new Spec(Sex.FEMALE, LocalDate.of(1995, 5, 5), "15", "DAI_HOC", LocalDate.of(2017, 7, 1), "14",
				"PUBLIC_EMPLOYEE", scopeUnit, LocalDate.of(2018, 1, 1), null, null));
		// a master's degree and party membership later on
		profiles.addPart(made, profiles.find(made, hr()).orElseThrow().version(), PartKind.DEGREE, LocalDate.of(2024, 9, 1), null,
				Map.of("level", "THAC_SI", "fieldOfStudy", "14"), "test");
		profiles.addPart(made, profiles.find(made, hr()).orElseThrow().version(), PartKind.PARTY_MEMBERSHIP,
				LocalDate.of(2025, 2, 3), null, Map.of("joinDate", "03/02/2025"), "test");
		for (var date : List.of(today, BEFORE_MERGE)) {
			// a unit officer's scope: the snapshot's pairs with the unit equal the figures computed within the scope
			var scoped = new Statistics.Question(date, date, new Statistics.Scope(java.util.Set.of(scopeUnit)));
			var scopedFast = statistics.dashboard(scoped);
			assertThat(scopedFast.preAggregated()).isTrue();
			assertThat(scopedFast.total()).as("one person in the scope on %s", date).isEqualTo(1);
			var scopedComputed = statistics.aggregate(scoped, Dimension.BREAKDOWNS.stream().map(List::of).toList());
			for (var d : Dimension.BREAKDOWNS) {
				var byValue = new HashMap<String, Long>();
				scopedComputed.get(List.of(d)).forEach((values, n) -> byValue.merge(values.get(0), n, Long::sum));
				assertThat(scopedFast.of(d)).as("scope: %s on %s", d, date).isEqualTo(byValue);
			}
			var fast = statistics.dashboard(question(date));
			assertThat(fast.preAggregated()).isTrue();
			var computed = statistics.aggregate(question(date), Dimension.BREAKDOWNS.stream().map(List::of).toList());
			for (var d : Dimension.BREAKDOWNS) {
				var byValue = new HashMap<String, Long>();
				computed.get(List.of(d)).forEach((values, n) -> byValue.merge(values.get(0), n, Long::sum));
				assertThat(fast.of(d)).as("%s on %s", d, date).isEqualTo(byValue);
			}
		}
	}

	@Test
	void generated_people_counted_one_by_one_through_the_registry_api() {
		transactions.execute(s -> loader.load(new PeopleGenerator(8, List.of(), statistics.today()), 300, "analytics-test"));
		assertEveryDashboardFigureEqualsACountThroughTheRegistry();
	}

	@Test
	void a_bulk_load_into_a_non_empty_registry_reads_only_the_loaded_people_and_keeps_every_figure() {
		transactions.execute(s -> loader.load(new PeopleGenerator(81, List.of(), statistics.today()), 400, "analytics-test"));
		assertThat(snapshots.present()).as("snapshots exist, so that the load must move their counts").isEqualTo(snapshots.wanted());
		long copied = registry.people().size();
		long before = updater.timelinesRead();
		transactions.execute(s -> loader.load(new PeopleGenerator(82, List.of(), statistics.today()), 60, "analytics-test"));
		assertThat(updater.timelinesRead() - before).as("timelines read for a load of 60 into %s people", copied).isEqualTo(60);
		assertThat(snapshots.present()).isEqualTo(snapshots.wanted());
		assertEveryDashboardFigureEqualsACountThroughTheRegistry();
		for (var date : List.of(statistics.today(), BEFORE_MERGE)) {
			assertThat(statistics.dashboard(question(date)).preAggregated()).as("pre-aggregated on %s", date).isTrue();
		}
		// the same people loaded again (the "changed" form): their old counts leave, the new ones come, nobody else is read
		var some = registry.people().subList(0, 20);
		before = updater.timelinesRead();
		updater.refreshAll(some);
		assertThat(updater.timelinesRead() - before).isEqualTo(20);
		assertEveryDashboardFigureEqualsACountThroughTheRegistry();
	}

	private void assertEveryDashboardFigureEqualsACountThroughTheRegistry() {
		for (var date : List.of(statistics.today(), BEFORE_MERGE, MID_2025)) {
			var expected = new HashMap<Dimension, Map<String, Long>>();
			long total = 0;
			for (PersonId person : registry.people()) {
				var facts = registry.asOf(person, date);
				if (facts.isEmpty()) {
					continue;
				}
				var f = facts.get();
				total++;
				inc(expected, Dimension.SEX, f.sex().name());
				inc(expected, Dimension.DEGREE, f.degree() == null ? "" : f.degree());
				inc(expected, Dimension.PARTY, Boolean.toString(f.partyMember()));
				inc(expected, Dimension.CATEGORY, f.personnelCategory() == null ? "" : f.personnelCategory());
			}
			var dashboard = statistics.dashboard(question(date));
			assertThat(dashboard.total()).as("total on %s", date).isEqualTo(total);
			for (var e : expected.entrySet()) {
				assertThat(dashboard.of(e.getKey())).as("%s on %s", e.getKey(), date).isEqualTo(e.getValue());
			}
		}
	}

	/** Waits until the background rebuild after a remote-area change has built every wanted snapshot. */
	private void awaitSnapshots() {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!snapshots.present().equals(snapshots.wanted())) {
			assertThat(System.nanoTime()).as("snapshots rebuilt within 2 minutes").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private UUID unit(String name, UUID adminUnit) {
		return unit(name, adminUnit, vn.trithuc.orgunit.OrgUnitKind.SCHOOL);
	}

	private UUID unit(String name, UUID adminUnit, vn.trithuc.orgunit.OrgUnitKind kind) {
		var code = "TK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
		return operations.create(vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit.of(code, name,
				kind, null).withAdminUnit(adminUnit), LocalDate.of(2000, 1, 1),
				vn.trithuc.orgunit.internal.OrgUnitOperations.Decision.NONE).value();
	}

	private static void inc(Map<Dimension, Map<String, Long>> counts, Dimension d, String value) {
		counts.computeIfAbsent(d, k -> new HashMap<>()).merge(value, 1L, Long::sum);
	}

	private UUID create(Spec s) {
		var data = new PersonData("Kiểm", "Thử", "Thống Kê", null, s.sex(), s.birth(), null, s.ethnic(), null, null, null, null,
				s.residence(), null, null, null);
		var id = profiles.registerAnyway(data, "test");
		int version = profiles.addPart(id, 1, PartKind.DEGREE, s.degreeFrom(), null,
				Map.of("level", s.degree(), "fieldOfStudy", s.field()), "test");
		version = profiles.addPart(id, version, PartKind.POSITION, s.positionFrom(), null,
				Map.of("orgUnit", s.unit().toString(), "jobTitle", "Giáo viên", "personnelCategory", s.category()), "test");
		if (s.partyFrom() != null) {
			profiles.addPart(id, version, PartKind.PARTY_MEMBERSHIP, s.partyFrom(), null,
					Map.of("joinDate", vn.trithuc.shared.Formats.DATE.format(s.partyFrom())), "test");
		}
		return id;
	}

	private static vn.trithuc.registry.internal.Caller hr() {
		return vn.trithuc.registry.internal.RegistryFixtures.hr();
	}

	private static Statistics.Question question(LocalDate date) {
		return new Statistics.Question(date, date, Statistics.Scope.PROVINCE);
	}
}
