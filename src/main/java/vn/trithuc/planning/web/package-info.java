/** Planning pages: retirements, needs and supply, projection, job positions; .xlsx exports. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.planning.web;
