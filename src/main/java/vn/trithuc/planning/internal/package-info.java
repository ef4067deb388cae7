/** Planning internals: the workforce read through the registry API, forecasts, needs, scenarios, job positions. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.planning.internal;
