package vn.trithuc.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Indicators (chỉ số) of the action programs: typed by the units, or computed from the registry as of a period's
 * cut-off end (intellectuals, doctorates, young intellectuals with a position in the unit's subtree), and targets
 * per indicator and unit, each tagged with the document it comes from.
 */
public interface Indicators {

	/** Every indicator, in display order. */
	List<Indicator> indicators();

	Optional<Indicator> indicator(String code);

	/**
	 * The computed indicators of the given reporting units on {@code asOf}: reporting unit id → code → value. Units
	 * not linked to the organisation tree get none. A unit that no longer exists on {@code asOf} counts through the
	 * units carrying it on (successor links).
	 */
	Map<UUID, Map<String, BigDecimal>> computed(List<UnitReports.ReportingUnit> units, LocalDate asOf);

	/**
	 * Records a target of a program for one reporting unit (or the whole program when {@code unitId} is null).
	 *
	 * @throws IllegalArgumentException for an unknown indicator or unit, or without a source document
	 */
	UUID setTarget(ProgramId program, @Nullable UUID unitId, NewTarget target, String by);

	/** The targets set per unit (program-wide ones are in {@link ProgramDocument#targets()}). */
	List<UnitTarget> unitTargets(ProgramId program);

	/** The target that applies to a unit: its own, else the program's. */
	Optional<UnitTarget> targetFor(ProgramId program, UUID unitId, String code);

	enum Aggregation {
		/** counts add up over units */
		SUM,
		/** shares and ratios are averaged */
		MEAN
	}

	record Indicator(String code, String name, String unit, boolean computed, Aggregation aggregation) {
	}

	record NewTarget(String indicatorCode, BigDecimal value, int year, String comparator, String sourceDocument,
			@Nullable LocalDate sourceDate) {
		public NewTarget {
			if (sourceDocument == null || sourceDocument.isBlank()) {
				throw new IllegalArgumentException("a target names its source document");
			}
			if (!List.of("=", ">=", "<=").contains(comparator)) {
				throw new IllegalArgumentException("comparator =, >= or <=");
			}
			if (year < 2000 || year > 2100) {
				throw new IllegalArgumentException("year out of range");
			}
		}
	}

	/** A target; {@code unitId} null = the program's. */
	record UnitTarget(UUID id, @Nullable UUID unitId, @Nullable String unitName, String indicatorCode, BigDecimal value,
			int year, String comparator, String sourceDocument, @Nullable LocalDate sourceDate) {

		/** How far {@code value} has come: its percentage of the target (null when none can be said). */
		public @Nullable Double progress(@Nullable BigDecimal actual) {
			return actual == null || value.signum() == 0 ? null : actual.doubleValue() * 100 / value.doubleValue();
		}
	}
}
