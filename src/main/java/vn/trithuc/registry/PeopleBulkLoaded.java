package vn.trithuc.registry;

/**
 * Many people were loaded at once without one event each (demo data, benchmarks): listeners that keep their own
 * copies should re-read everything.
 */
public record PeopleBulkLoaded(long count) {
}
