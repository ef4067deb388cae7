package vn.trithuc.program.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.DemoDataContributor;
import vn.trithuc.shared.Formats;

/**
 * Demo mode: the seed program with its cascade linked to the organisation tree; as reporting units the
 * party organisations under Huyện ủy Đam Rông in the tree (else the eight commune committees of DOMAIN.md by
 * name), two past periods of 2024 with reports in every state (accepted on time, late, returned, missing)
 * so that the completeness matrix has something to show. Then the 2025 reorganisation, which the tree already holds,
 * is carried onto those units (they end, the communes carrying them on report instead), the demo unit officer's
 * school becomes a reporting unit, and the period running today is open: the journeys of JOURNEYS.md can be walked.
 */
@Component
class ProgramDemoData implements DemoDataContributor {

	static final List<String> DEMO_UNITS = List.of("Đảng ủy xã Phi Liêng", "Đảng ủy xã Đạ K'Nàng", "Đảng ủy xã Rô Men",
			"Đảng ủy xã Liêng Srônh", "Đảng ủy xã Đạ Rsal", "Đảng ủy xã Đạ M'Rông", "Đảng ủy xã Đạ Tông",
			"Đảng ủy xã Đạ Long");

	private final Programs programs;
	private final UnitReports reports;
	private final JdbcClient jdbc;
	private final OrgUnitMatcher matcher;
	private final OrgUnits orgUnits;
	private final Reorganisation reorganisation;
	private final UserScopes scopes;
	private final Clock clock;

	ProgramDemoData(Programs programs, UnitReports reports, JdbcClient jdbc, OrgUnitMatcher matcher, OrgUnits orgUnits,
			Reorganisation reorganisation, UserScopes scopes, Clock clock) {
		this.programs = programs;
		this.reports = reports;
		this.jdbc = jdbc;
		this.matcher = matcher;
		this.orgUnits = orgUnits;
		this.reorganisation = reorganisation;
		this.scopes = scopes;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("select count(*) from program.action_program where seed_key is null").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from program.reporting_period").query(Long.class).single() > 0;
	}

	@Override
	public void load() {
		loadReturningUnits();
	}

	/**
	 * Loads the demo and returns the reporting units it added: the grassroots party organisations and
	 * commune committees under the issuer in the organisation tree when the tree knows the issuer, else
	 * the eight commune committees by name.
	 */
	List<UUID> loadReturningUnits() {
		var program = programs.importSeedProgram("demo");
		var document = programs.find(program, null).orElseThrow();
		var units = new ArrayList<UUID>();
		var issuer = document.issuerOrgUnitId();
		if (issuer != null) {
			matcher.grassrootsUnder(new OrgUnitId(issuer), LocalDate.of(2024, 3, 1))
				.forEach(u -> units.add(reports.addUnit(program, u.name(), u.id().value())));
		}
		if (units.isEmpty()) {
			DEMO_UNITS.forEach(name -> units.add(reports.addUnit(program, name, null)));
		}
		var firstHalf = reports.openPeriod(program, PeriodKind.SIX_MONTH, "6 tháng đầu năm 2024",
				reports.proposedDates(PeriodKind.SIX_MONTH, 2024).orElseThrow(), "demo");
		var year = reports.openPeriod(program, PeriodKind.ANNUAL, "Năm 2024",
				reports.proposedDates(PeriodKind.ANNUAL, 2024).orElseThrow(), "demo");
		var lines = demoLines(firstHalf, units);
		int n = lines.size();
		// first half: all but two on time and accepted, one late, one missing
		for (int i = 0; i < n - 1; i++) {
			var sentOn = i == n - 2 ? LocalDate.of(2024, 7, 2) : LocalDate.of(2024, 6, 17 + i % 4);
			history(lines.get(i).id(), sentOn, i < n - 2 ? "ACCEPTED" : "SUBMITTED");
		}
		var yearLines = demoLines(year, units);
		// year: the first half of the units on time (the last of them returned for correction), the rest missing
		int sent = (n + 1) / 2;
		for (int i = 0; i < sent; i++) {
			history(yearLines.get(i).id(), LocalDate.of(2024, 12, 16 + i % 5), i == sent - 1 ? "RETURNED" : "ACCEPTED");
		}
		carryReorganisation(program);
		scopes.userNamed("hai.hieutruong").map(UserScopes.ScopedUser::scopeRoot).flatMap(root -> orgUnits.find(new OrgUnitId(root)))
			.ifPresent(school -> reports.addUnit(program, school.name(), school.id().value()));
		openRunningPeriod(program);
		return units;
	}

	/** Units of the tree that ended after 01/03/2024 end as reporting units too, carried on by their successors. */
	private void carryReorganisation(ProgramId program) {
		for (var unit : reports.units(program)) {
			if (unit.orgUnitId() == null) {
				continue;
			}
			var orgUnit = new OrgUnitId(unit.orgUnitId());
			orgUnits.find(orgUnit).map(OrgUnit::validTo).ifPresent(lastDay -> reorganisation.carry(List.of(orgUnit),
					List.copyOf(orgUnits.successors(orgUnit, lastDay.plusDays(1))), lastDay.plusDays(1)));
		}
	}

	/** The first six-month or year period whose deadline has not passed today, opened as the commission would. */
	private void openRunningPeriod(ProgramId program) {
		var today = LocalDate.now(clock);
		record Candidate(PeriodKind kind, int year, String name) {
		}
		Stream.of(today.getYear(), today.getYear() + 1)
			.flatMap(year -> Stream.of(new Candidate(PeriodKind.SIX_MONTH, year, "6 tháng đầu năm " + year),
					new Candidate(PeriodKind.ANNUAL, year, "Năm " + year)))
			.flatMap(c -> reports.proposedDates(c.kind(), c.year()).filter(d -> !d.deadline().isBefore(today))
				.map(d -> Map.entry(c, d)).stream())
			.findFirst()
			.ifPresent(e -> reports.openPeriod(program, e.getKey().kind(), e.getKey().name(), e.getValue(), "demo"));
	}

	private List<UnitReports.ReportLine> demoLines(UUID period, List<UUID> units) {
		return reports.reports(period).stream().filter(l -> units.contains(l.unitId())).toList();
	}

	/** Writes a past workflow history directly: the workflow itself would stamp today's date. */
	private void history(UUID reportId, LocalDate sentOn, String finalStatus) {
		var sent = Timestamp.from(sentOn.atTime(LocalTime.of(9, 30)).atZone(Formats.ZONE).toInstant());
		var reviewed = Timestamp.from(sentOn.plusDays(2).atTime(LocalTime.of(15, 0)).atZone(Formats.ZONE).toInstant());
		jdbc.sql("""
				update program.unit_report set status = :s, narrative = :n, first_submitted_at = :sent,
				  last_submitted_at = :sent, accepted_at = :accepted, accepted_by = :by, version = version + 1
				where id = :id""")
			.param("s", finalStatus).param("n", "Đã tổ chức quán triệt Nghị quyết 45-NQ/TW và Chương trình hành động cho cán bộ, đảng viên.")
			.param("sent", sent).param("accepted", "ACCEPTED".equals(finalStatus) ? reviewed : null, java.sql.Types.TIMESTAMP)
			.param("by", "ACCEPTED".equals(finalStatus) ? "lan.tuyengiao" : null, java.sql.Types.VARCHAR)
			.param("id", reportId).update();
		event(reportId, sent, "demo", "SUBMIT", "DRAFT", "SUBMITTED", null);
		if ("ACCEPTED".equals(finalStatus)) {
			event(reportId, reviewed, "lan.tuyengiao", "ACCEPT", "SUBMITTED", "ACCEPTED", null);
		}
		if ("RETURNED".equals(finalStatus)) {
			event(reportId, reviewed, "lan.tuyengiao", "RETURN", "SUBMITTED", "RETURNED", "Thiếu số liệu quán triệt.");
		}
	}

	private void event(UUID reportId, Timestamp at, String by, String action, String from, String to, String comment) {
		jdbc.sql("""
				insert into program.report_event (id, report_id, at, by_user, action, from_status, to_status, comment)
				values (:id, :r, :at, :by, :a, :f, :t, :c)""")
			.param("id", UUID.randomUUID()).param("r", reportId).param("at", at).param("by", by).param("a", action)
			.param("f", from).param("t", to).param("c", comment, java.sql.Types.VARCHAR).update();
	}
}
