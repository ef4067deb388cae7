/**
 * Reference code lists (danh mục): administrative units through time ({@link vn.trithuc.catalog.AdminUnits})
 * and versioned code lists such as ethnic groups, religions, degrees and ranks
 * ({@link vn.trithuc.catalog.CodeLists}). Other modules store ids and codes from here and resolve them
 * through these two facades; the tables are the module's own.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.catalog;
