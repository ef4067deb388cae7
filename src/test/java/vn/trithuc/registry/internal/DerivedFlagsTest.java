package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.Scheduler;

import vn.trithuc.IntegrationTest;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.Sex;

/** The nightly refresh recomputes derived columns that aged because a part started or ended since the last run. */
@IntegrationTest
class DerivedFlagsTest {

	@Autowired
	Profiles profiles;
	@Autowired
	SearchIndex index;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Scheduler scheduler;
	@Autowired
	OrgUnitOperations operations;

	@AfterEach
	void forgetTheShiftedDay() {
		jdbc.sql("delete from registry.derived_refresh").update();
	}

	@Test
	void a_position_that_ended_and_a_talent_recognition_that_started_are_reflected_the_next_night() {
		var today = LocalDate.now(Clock.system(vn.trithuc.shared.Formats.ZONE));
		var run = UUID.randomUUID().toString().substring(0, 8);
		var unitA = operations.create(NewUnit.of("D" + run + "-A", "Trường thử A " + run, OrgUnitKind.OTHER, null),
				LocalDate.of(2019, 1, 1), Decision.NONE).value();
		var unitB = operations.create(NewUnit.of("D" + run + "-B", "Trường thử B " + run, OrgUnitKind.OTHER, null),
				LocalDate.of(2019, 1, 1), Decision.NONE).value();
		var id = ((Profiles.Created) profiles.register(person("Trần", "Văn", uniqueToken("Hải"), Sex.MALE,
				LocalDate.of(1980, 3, 1)), "test.hr")).id();
		int v = profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2020, 1, 1), today.plusDays(9),
				Map.of("orgUnit", unitA.toString(), "jobTitle", "Giáo viên", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		v = profiles.addPart(id, v, PartKind.POSITION, today.plusDays(10), null,
				Map.of("orgUnit", unitB.toString(), "jobTitle", "Hiệu trưởng", "personnelCategory", "PUBLIC_EMPLOYEE"), "test.hr");
		profiles.addPart(id, v, PartKind.TALENT, today.plusDays(5), null, Map.of("reason", "Giải thưởng sáng tạo"), "test.hr");
		assertThat(derived(id)).isEqualTo(new Derived(unitA, false));

		jdbc.sql("insert into registry.derived_refresh (id, refreshed_through) values (1, :d)").param("d", today).update();
		var night = new DerivedFlags(jdbc, profiles, shiftedClock(today.plusDays(12)), index);
		assertThat(night.refresh()).isGreaterThanOrEqualTo(1);
		assertThat(derived(id)).isEqualTo(new Derived(unitB, true));
		assertThat(night.refresh()).as("the same day twice does nothing").isZero();

		// a person with no boundary in the window is left alone (their columns stay as written)
		assertThat(jdbc.sql("select refreshed_through from registry.derived_refresh").query(LocalDate.class).single())
			.isEqualTo(today.plusDays(12));
	}

	@Test
	void the_refresh_is_a_daily_cluster_wide_job() {
		assertThat(scheduler.getScheduledExecutions()).anySatisfy(
				e -> assertThat(e.getTaskInstance().getTaskName()).isEqualTo("registry-derived-refresh"));
	}

	record Derived(UUID unit, boolean talent) {
	}

	private Derived derived(UUID id) {
		return jdbc.sql("select current_org_unit, talent from registry.person where id = :id").param("id", id)
			.query((rs, n) -> new Derived(rs.getObject(1, UUID.class), rs.getBoolean(2))).single();
	}

	private static Clock shiftedClock(LocalDate day) {
		return Clock.fixed(day.atTime(1, 0).atZone(vn.trithuc.shared.Formats.ZONE).toInstant(), vn.trithuc.shared.Formats.ZONE);
	}
}
