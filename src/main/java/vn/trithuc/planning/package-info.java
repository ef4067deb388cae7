/** Forecasting: needs versus supply, retirements, job positions and title-standard compliance. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.planning;
