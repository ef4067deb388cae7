package vn.trithuc.program;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A unit report took a workflow step (submitted, returned, accepted, reopened): for dashboards and
 * notifications in other modules. {@code orgUnitId} is the reporting unit's place in the organisation tree,
 * when linked.
 */
public record UnitReportStatusChanged(UUID reportId, UUID periodId, UUID unitId, @Nullable UUID orgUnitId,
		ReportAction action, ReportStatus from, ReportStatus to, String by, Instant at) {
}
