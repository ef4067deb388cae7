package vn.trithuc.catalog;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A unit reached from another one through successor links (forwards or backwards).
 *
 * @param extent PARTIAL when any link on the way was partial
 * @param effectiveDate the date of the last link followed; null when the unit itself was asked for
 * @param primary whether every link on the way was the primary one: the single answer when one is needed
 */
public record LinkedUnit(AdminUnit unit, SuccessionExtent extent, @Nullable LocalDate effectiveDate, boolean primary) {
}
