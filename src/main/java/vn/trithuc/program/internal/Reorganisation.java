package vn.trithuc.program.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitEvents;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/**
 * Carries programs, tasks and reports along the organisation tree's successor links when a unit is merged, split
 * or dissolved. Runs inside the reorganisation's own transaction, so the tree and the program never disagree.
 * A reporting unit of an ended org unit ends the day before; the units carrying it on become (or already are)
 * reporting units of the same program; its reports stay under its name; reports of periods still open that it
 * has not sent move to the first successor; a program it owned passes to that successor.
 */
@Component
class Reorganisation {

	private final JdbcClient jdbc;
	private final OrgUnits orgUnits;
	private final Clock clock;

	Reorganisation(JdbcClient jdbc, OrgUnits orgUnits, Clock clock) {
		this.jdbc = jdbc;
		this.orgUnits = orgUnits;
		this.clock = clock;
	}

	@EventListener
	void merged(OrgUnitEvents.OrgUnitsMerged event) {
		carry(event.sources(), List.of(event.result()), event.effectiveOn());
	}

	@EventListener
	void split(OrgUnitEvents.OrgUnitSplit event) {
		carry(List.of(event.source()), event.results(), event.effectiveOn());
	}

	@EventListener
	void dissolved(OrgUnitEvents.OrgUnitDissolved event) {
		carry(List.of(event.unit()), event.inheritors(), event.effectiveOn());
	}

	void carry(List<OrgUnitId> sources, List<OrgUnitId> results, LocalDate effectiveOn) {
		if (results.isEmpty()) {
			return;
		}
		var sourceIds = sources.stream().map(s -> s.value().toString()).toArray(String[]::new);
		jdbc.sql("""
				update program.action_program set owner_org_unit_id = :owner
				where coalesce(owner_org_unit_id, issuer_org_unit_id) = any(cast(:sources as uuid[]))""")
			.param("owner", results.get(0).value()).param("sources", sourceIds).update();
		record Ending(UUID id, UUID program) {
		}
		var ending = jdbc.sql("""
				select id, program_id from program.reporting_unit
				where org_unit_id = any(cast(:sources as uuid[])) and ended_on is null""")
			.param("sources", sourceIds).query((rs, n) -> new Ending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
		for (var unit : ending) {
			int position = 0;
			UUID first = null;
			for (var result : results) {
				var successor = reportingUnit(unit.program(), result, effectiveOn);
				if (first == null) {
					first = successor;
				}
				jdbc.sql("""
						insert into program.reporting_unit_successor (unit_id, successor_id, position, effective_on)
						values (:u, :s, :pos, :on) on conflict do nothing""")
					.param("u", unit.id()).param("s", successor).param("pos", ++position)
					.param("on", Date.valueOf(effectiveOn)).update();
			}
			jdbc.sql("update program.reporting_unit set ended_on = :end where id = :id")
				.param("end", Date.valueOf(effectiveOn.minusDays(1))).param("id", unit.id()).update();
			// reports not sent yet of periods still running go to the successor (unless it has its own)
			jdbc.sql("""
					update program.unit_report r set unit_id = :s, updated_at = :now, updated_by = 'reorganisation'
					from program.reporting_period p
					where p.id = r.period_id and r.unit_id = :u and r.first_submitted_at is null and p.deadline >= :on
					  and not exists (select 1 from program.unit_report o where o.period_id = r.period_id and o.unit_id = :s)""")
				.param("s", first).param("u", unit.id()).param("now", Timestamp.from(clock.instant()))
				.param("on", Date.valueOf(effectiveOn)).update();
			// an ended unit's empty drafts in running periods are no longer expected (its successor reports)
			jdbc.sql("""
					delete from program.unit_report r using program.reporting_period p
					where p.id = r.period_id and r.unit_id = :u and r.first_submitted_at is null and p.deadline >= :on
					  and r.narrative is null and r.difficulties is null and r.proposals is null
					  and not exists (select 1 from program.report_task_status t where t.report_id = r.id)
					  and not exists (select 1 from program.report_indicator_value v where v.report_id = r.id)
					  and not exists (select 1 from program.reminder m where m.report_id = r.id)""")
				.param("u", unit.id()).param("on", Date.valueOf(effectiveOn)).update();
			// every successor is expected in the periods still running
			jdbc.sql("""
					insert into program.unit_report (id, period_id, unit_id, status, updated_at, updated_by)
					select gen_random_uuid(), p.id, s.successor_id, 'DRAFT', :now, 'reorganisation'
					from program.reporting_period p join program.reporting_unit_successor s on s.unit_id = :u
					where p.program_id = :prog and p.deadline >= :on
					  and not exists (select 1 from program.unit_report o where o.period_id = p.id and o.unit_id = s.successor_id)""")
				.param("now", Timestamp.from(clock.instant())).param("u", unit.id()).param("prog", unit.program())
				.param("on", Date.valueOf(effectiveOn)).update();
		}
	}

	/** The program's reporting unit for {@code orgUnit}, created (named as the org unit is then) when missing. */
	private UUID reportingUnit(UUID program, OrgUnitId orgUnit, LocalDate on) {
		var existing = jdbc.sql("""
				select id from program.reporting_unit where program_id = :p and org_unit_id = :o and ended_on is null
				order by position limit 1""")
			.param("p", program).param("o", orgUnit.value()).query(UUID.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		var unit = orgUnits.find(orgUnit, on).or(() -> orgUnits.find(orgUnit));
		var name = unit.map(OrgUnit::name).orElse(orgUnit.toString());
		boolean taken = jdbc.sql("select count(*) from program.reporting_unit where program_id = :p and name = :n")
			.param("p", program).param("n", name).query(Integer.class).single() > 0;
		if (taken) {
			name = name + " (" + unit.map(OrgUnit::code).orElse(orgUnit.value().toString().substring(0, 8)) + ")";
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.reporting_unit (id, program_id, position, name, org_unit_id, created_at)
				values (:id, :p, (select coalesce(max(position), 0) + 1 from program.reporting_unit where program_id = :p),
				  :name, :org, :now)""")
			.param("id", id).param("p", program).param("name", name).param("org", orgUnit.value(), Types.OTHER)
			.param("now", Timestamp.from(clock.instant())).update();
		return id;
	}
}
