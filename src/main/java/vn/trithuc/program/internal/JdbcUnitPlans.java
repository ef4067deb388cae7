package vn.trithuc.program.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.program.ProgramId;
import vn.trithuc.program.UnitPlans;
import vn.trithuc.shared.VietnameseText;

/** Grassroots plans in {@code program.unit_plan} and {@code program.plan_task}. */
@Service
@Transactional
class JdbcUnitPlans implements UnitPlans {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcUnitPlans(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UUID create(ProgramId program, UUID unitId, @Nullable String number, String title, @Nullable LocalDate issuedOn,
			String by) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a plan needs a title");
		}
		var id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into program.unit_plan (id, program_id, unit_id, number, title, issued_on, created_at, created_by)
				select :id, :p, u.id, :number, :title, :issued, :now, :by from program.reporting_unit u
				where u.id = :u and u.program_id = :p""")
			.param("id", id).param("p", program.id()).param("u", unitId)
			.param("number", number == null || number.isBlank() ? null : VietnameseText.nfc(number.strip()), Types.VARCHAR)
			.param("title", VietnameseText.nfc(title.strip()))
			.param("issued", issuedOn == null ? null : Date.valueOf(issuedOn), Types.DATE)
			.param("now", Timestamp.from(clock.instant())).param("by", by).update();
		if (inserted != 1) {
			throw new IllegalArgumentException("unit " + unitId + " does not report on program " + program);
		}
		return id;
	}

	@Override
	public UUID addTask(UUID planId, UUID parentTaskId, String text, @Nullable LocalDate dueOn, String by) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a task needs a text");
		}
		var id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into program.plan_task (id, plan_id, position, parent_item_id, text, due_on, created_at, created_by)
				select :id, pl.id, (select coalesce(max(position), 0) + 1 from program.plan_task where plan_id = pl.id),
				  i.id, :text, :due, :now, :by
				from program.unit_plan pl join program.item i on i.program_id = pl.program_id and i.kind = 'TASK'
				where pl.id = :plan and i.id = :parent""")
			.param("id", id).param("plan", planId).param("parent", parentTaskId).param("text", VietnameseText.nfc(text.strip()))
			.param("due", dueOn == null ? null : Date.valueOf(dueOn), Types.DATE)
			.param("now", Timestamp.from(clock.instant())).param("by", by).update();
		if (inserted != 1) {
			throw new IllegalArgumentException("no plan " + planId + " or " + parentTaskId + " is not a task of its program");
		}
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Plan> plans(ProgramId program) {
		return jdbc.sql("select id from program.unit_plan where program_id = :p order by created_at").param("p", program.id())
			.query(UUID.class).list().stream().map(id -> plan(id).orElseThrow()).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Plan> plan(UUID planId) {
		var tasks = jdbc.sql("""
				select t.id, t.position, t.parent_item_id, s.task_group, i.position as item_position, t.text, t.due_on
				from program.plan_task t join program.item i on i.id = t.parent_item_id
				join program.section s on s.id = i.section_id
				where t.plan_id = :id order by t.position""")
			.param("id", planId)
			.query((rs, n) -> new PlanTask(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
					rs.getInt(4) + "." + rs.getInt(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
		return jdbc.sql("""
				select pl.id, pl.program_id, pl.unit_id, u.name, u.org_unit_id, pl.number, pl.title, pl.issued_on
				from program.unit_plan pl join program.reporting_unit u on u.id = pl.unit_id where pl.id = :id""")
			.param("id", planId)
			.query((rs, n) -> new Plan(rs.getObject(1, UUID.class), new ProgramId(rs.getObject(2, UUID.class)),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
					rs.getObject(8, LocalDate.class), tasks))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<CarryingTask> carrying(UUID parentTaskId) {
		return jdbc.sql("""
				select pl.id, pl.title, pl.number, u.name, t.text, t.due_on from program.plan_task t
				join program.unit_plan pl on pl.id = t.plan_id join program.reporting_unit u on u.id = pl.unit_id
				where t.parent_item_id = :item order by u.position, t.position""")
			.param("item", parentTaskId)
			.query((rs, n) -> new CarryingTask(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class)))
			.list();
	}
}
