/** Analytics internals: the copy of facts, the dimensions, the pre-aggregated snapshots, the statistics service. */
package vn.trithuc.analytics.internal;
