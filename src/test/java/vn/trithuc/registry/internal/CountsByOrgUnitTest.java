package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.PersonFacts;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.Qualifications;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;

/**
 * {@link RegistryFacts#countsByOrgUnit} is one SQL aggregate: it gives what its definition over every timeline gives
 * (the interface's default method, run here on the same data) on several dates, and the expected numbers for a
 * doctor, a degree that ended, a person without a degree, a move between units and a merged record.
 */
@IntegrationTest
class CountsByOrgUnitTest {

	@Autowired
	RegistryFacts facts;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;

	@Test
	void the_sql_aggregate_counts_as_the_timelines_do() {
		var u = unit("Trường đếm U");
		var v = unit("Trường đếm V");
		// a young doctor in U since 2016
		var doctor = person(LocalDate.of(1995, 3, 1), null);
		int version = profiles.addPart(doctor, 1, PartKind.DEGREE, LocalDate.of(2017, 6, 1), null, Map.of("level", "DAI_HOC"), "t");
		version = profiles.addPart(doctor, version, PartKind.DEGREE, LocalDate.of(2021, 6, 1), null, Map.of("level", "TIEN_SI"), "t");
		position(doctor, version, u, LocalDate.of(2016, 1, 1), null);
		// a degree recorded as held only 2000-2010: no intellectual afterwards
		var ended = person(LocalDate.of(1970, 1, 1), null);
		version = profiles.addPart(ended, 1, PartKind.DEGREE, LocalDate.of(2000, 1, 1), LocalDate.of(2010, 12, 31),
				Map.of("level", "DAI_HOC"), "t");
		position(ended, version, u, LocalDate.of(2005, 1, 1), null);
		// no degree recorded at all (counted, degree unknown), birth year only
		var unknown = person(null, 1992);
		position(unknown, 1, u, LocalDate.of(2010, 1, 1), null);
		// in U 2010-2019, then in V (the position started last counts)
		var mover = person(LocalDate.of(1979, 1, 1), null);
		version = profiles.addPart(mover, 1, PartKind.DEGREE, LocalDate.of(2002, 1, 1), null, Map.of("level", "THAC_SI"), "t");
		version = position(mover, version, u, LocalDate.of(2010, 1, 1), null);
		position(mover, version, v, LocalDate.of(2020, 1, 1), null);

		var on2015 = facts.countsByOrgUnit(LocalDate.of(2015, 6, 1), 35);
		assertThat(on2015.get(u)).isEqualTo(new RegistryFacts.UnitCounts(2, 0, 1)); // unknown (23), mover; ended: no degree
		assertThat(on2015.get(v)).isNull();
		var on2022 = facts.countsByOrgUnit(LocalDate.of(2022, 6, 1), 35);
		assertThat(on2022.get(u)).isEqualTo(new RegistryFacts.UnitCounts(2, 1, 2)); // doctor (27), unknown (30)
		assertThat(on2022.get(v)).isEqualTo(new RegistryFacts.UnitCounts(1, 0, 0));
		var on2026 = facts.countsByOrgUnit(LocalDate.of(2026, 6, 1), 30);
		assertThat(on2026.get(u)).isEqualTo(new RegistryFacts.UnitCounts(2, 1, 0)); // doctor 31, unknown 34

		var definition = byTimelines();
		for (var date : List.of(LocalDate.of(2009, 12, 31), LocalDate.of(2015, 6, 1), LocalDate.of(2025, 6, 30),
				LocalDate.now())) {
			assertThat(facts.countsByOrgUnit(date, 35)).as("on %s", date).isEqualTo(definition.countsByOrgUnit(date, 35));
		}
	}

	/** The interface's own definition (its default method) over the same timelines. */
	private RegistryFacts byTimelines() {
		return new RegistryFacts() {
			@Override
			public List<PersonFacts> timeline(PersonId person) {
				return facts.timeline(person);
			}

			@Override
			public void forEachTimeline(Consumer<List<PersonFacts>> consumer) {
				facts.forEachTimeline(consumer);
			}

			@Override
			public List<PersonId> people() {
				return facts.people();
			}

			@Override
			public Map<PersonId, Qualifications> qualifications(java.util.Collection<PersonId> people, LocalDate date) {
				return facts.qualifications(people, date);
			}

			@Override
			public Map<PersonId, String> displayNames(java.util.Collection<PersonId> people) {
				return facts.displayNames(people);
			}
		};
	}

	private UUID unit(String name) {
		return operations.create(NewUnit.of("CNT" + UUID.randomUUID().toString().substring(0, 8), name + " "
				+ UUID.randomUUID().toString().substring(0, 4), OrgUnitKind.OTHER, null), LocalDate.of(2000, 1, 1),
				Decision.NONE).value();
	}

	private UUID person(@Nullable LocalDate born, @Nullable Integer bornIn) {
		return profiles.registerAnyway(new PersonData("Đếm", "Thị", RegistryFixtures.uniqueToken("Số"), null, Sex.FEMALE,
				born, bornIn, "01", null, null, null, null, null, null, null, null), "t");
	}

	private int position(UUID person, int version, UUID unit, LocalDate from, @Nullable LocalDate to) {
		return profiles.addPart(person, version, PartKind.POSITION, from, to,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "t");
	}
}
