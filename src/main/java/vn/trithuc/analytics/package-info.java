/** Statistics, dashboards, pivots and indicators computed from the registry. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.analytics;
