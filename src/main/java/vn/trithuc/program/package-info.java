/**
 * Action programs (chương trình hành động): objectives, tasks assigned to units, reporting periods, unit
 * reports, reminders, inspections, dissemination and the interim/final review reports.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.program;
