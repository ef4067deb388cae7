/**
 * Reference code lists (danh mục): administrative units through time, ethnic groups, religions, degree
 * levels, fields of study, ranks and professional titles. Arrives with the reference-data issue.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.catalog;
