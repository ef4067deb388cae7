package vn.trithuc.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Grassroots plans (kế hoạch của tổ chức cơ sở đảng, seed IV.1): a reporting unit's own plan under a program,
 * whose tasks each carry out a task of the program.
 */
public interface UnitPlans {

	/**
	 * @throws IllegalArgumentException for a unit not of the program, or a blank title
	 */
	UUID create(ProgramId program, UUID unitId, @Nullable String number, String title, @Nullable LocalDate issuedOn,
			String by);

	/**
	 * Adds a task carrying out {@code parentTaskId} (a task of the plan's program).
	 *
	 * @throws IllegalArgumentException for an unknown plan, a parent that is not a task of the program, or a blank text
	 */
	UUID addTask(UUID planId, UUID parentTaskId, String text, @Nullable LocalDate dueOn, String by);

	List<Plan> plans(ProgramId program);

	Optional<Plan> plan(UUID planId);

	/** The plan tasks carrying out a program task, with their plan and unit: shown on the program task. */
	List<CarryingTask> carrying(UUID parentTaskId);

	record Plan(UUID id, ProgramId program, UUID unitId, String unitName, @Nullable UUID orgUnitId, @Nullable String number,
			String title, @Nullable LocalDate issuedOn, List<PlanTask> tasks) {
	}

	record PlanTask(UUID id, int position, UUID parentTaskId, String parentLabel, String text, @Nullable LocalDate dueOn) {
	}

	record CarryingTask(UUID planId, String planTitle, @Nullable String planNumber, String unitName, String text,
			@Nullable LocalDate dueOn) {
	}
}
