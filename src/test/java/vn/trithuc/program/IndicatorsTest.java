package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.RegistryFacts;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.registry.internal.Profiles;

/** Indicators computed from the registry as of a period's end, and targets per unit with their source. */
@IntegrationTest
class IndicatorsTest {

	@Autowired
	Indicators indicators;
	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	OrgUnits orgUnits;
	@Autowired
	Profiles profiles;
	@Autowired
	RegistryFacts registry;

	static final LocalDate PERIOD_END = LocalDate.of(2025, 12, 14);

	@Test
	void a_computed_indicator_equals_a_direct_count_of_the_registry() {
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var committee = ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã chỉ số " + tag);
		var school = operations.create(NewUnit.of("S" + tag, "Trường THPT chỉ số " + tag, OrgUnitKind.SCHOOL,
				new OrgUnitId(committee)), LocalDate.of(2020, 1, 1), Decision.NONE).value();
		person("TIEN_SI", LocalDate.of(1980, 1, 1), school, LocalDate.of(2015, 1, 1), null);
		person("TIEN_SI_KHOA_HOC", LocalDate.of(1970, 1, 1), committee, LocalDate.of(2015, 1, 1), null);
		person("THAC_SI", LocalDate.of(1995, 3, 1), school, LocalDate.of(2020, 1, 1), null); // young on the period end
		person("TIEN_SI", LocalDate.of(1985, 1, 1), school, LocalDate.of(2015, 1, 1), LocalDate.of(2024, 12, 31)); // left
		person("TIEN_SI", LocalDate.of(1998, 1, 1), school, LocalDate.of(2026, 1, 1), null); // came after the period

		var program = programs.importSeedProgram("test");
		var unit = reports.addUnit(program, "Đảng ủy xã chỉ số " + tag, committee);
		var reportingUnit = reports.units(program).stream().filter(u -> u.id().equals(unit)).findFirst().orElseThrow();
		var computed = indicators.computed(List.of(reportingUnit), PERIOD_END).get(unit);

		// the direct count: every person's facts on the period end, in the committee's subtree
		var subtree = orgUnits.subtreeAsOf(new OrgUnitId(committee), PERIOD_END).stream().map(OrgUnitId::value).toList();
		long intellectuals = 0, doctorates = 0, young = 0;
		for (PersonId person : registry.people()) {
			var facts = registry.asOf(person, PERIOD_END);
			if (facts.isEmpty() || facts.get().orgUnit() == null || !subtree.contains(facts.get().orgUnit())) {
				continue;
			}
			intellectuals++;
			if (List.of("TIEN_SI", "TIEN_SI_KHOA_HOC").contains(facts.get().degree())) {
				doctorates++;
			}
			if (facts.get().ageOn(PERIOD_END) <= 35) {
				young++;
			}
		}
		assertThat(computed.get("DOCTORATES")).isEqualByComparingTo(BigDecimal.valueOf(doctorates)).isEqualByComparingTo("2");
		assertThat(computed.get("INTELLECTUALS")).isEqualByComparingTo(BigDecimal.valueOf(intellectuals)).isEqualByComparingTo("3");
		assertThat(computed.get("YOUNG_INTELLECTUALS")).isEqualByComparingTo(BigDecimal.valueOf(young)).isEqualByComparingTo("1");
		assertThat(indicators.indicator("DOCTORATES").orElseThrow().computed()).isTrue();
		assertThat(indicators.indicator("POPULATION").orElseThrow().computed()).isFalse();
	}

	@Test
	void a_unit_target_names_its_source_and_takes_precedence_over_the_program_target() {
		var program = programs.importSeedProgram("test");
		var unit = reports.addUnit(program, "Đảng ủy xã chỉ tiêu " + UUID.randomUUID(), null);
		var common = indicators.targetFor(program, unit, "RND_STAFF_PER_10000").orElseThrow();
		assertThat(common.unitId()).isNull();
		assertThat(common.sourceDocument()).isEqualTo("2711/QĐ-TTg");
		indicators.setTarget(program, unit, new Indicators.NewTarget("RND_STAFF_PER_10000", new BigDecimal("8"), 2030, ">=",
				"15-KH/ĐU", LocalDate.of(2025, 3, 1)), "lan");
		var own = indicators.targetFor(program, unit, "RND_STAFF_PER_10000").orElseThrow();
		assertThat(own.unitId()).isEqualTo(unit);
		assertThat(own.sourceDocument()).isEqualTo("15-KH/ĐU");
		assertThat(own.progress(new BigDecimal("6"))).isEqualTo(75.0);
		assertThat(indicators.unitTargets(program)).anySatisfy(t -> assertThat(t.unitId()).isEqualTo(unit));
		// the program page still lists only the program's own targets
		assertThat(programs.find(program, null).orElseThrow().targets()).noneMatch(t -> t.sourceDocument().equals("15-KH/ĐU"));
		assertThatThrownBy(() -> new Indicators.NewTarget("DOCTORATES", BigDecimal.ONE, 2030, ">=", " ", null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> indicators.setTarget(program, unit,
				new Indicators.NewTarget("NO_SUCH", BigDecimal.ONE, 2030, ">=", "1-KH", null), "lan"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private void person(String degree, LocalDate birth, UUID unit, LocalDate from, LocalDate to) {
		var id = profiles.registerAnyway(new PersonData("Kiểm", "Thử", "Chỉ Số", null, Sex.FEMALE, birth, null, "01", null, null,
				null, null, null, null, null, null), "test");
		int version = profiles.addPart(id, 1, PartKind.DEGREE, birth.plusYears(22), null,
				Map.of("level", degree, "fieldOfStudy", "14"), "test");
		profiles.addPart(id, version, PartKind.POSITION, from, to,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test");
	}
}
