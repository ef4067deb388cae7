/** Planning internals: the workforce read model (fed through the registry API) aggregated in SQL, forecasts, needs, scenarios, job positions. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.planning.internal;
