/**
 * The registry of intellectuals (cơ sở dữ liệu về đội ngũ trí thức): effective-dated profiles,
 * self-service change requests, duplicates, search, import and export.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.registry;
