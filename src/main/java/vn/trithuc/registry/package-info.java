/**
 * The registry of intellectuals (cơ sở dữ liệu về đội ngũ trí thức): effective-dated profiles,
 * self-service change requests, duplicates, search, import and export. API: {@link vn.trithuc.registry.Registry},
 * {@link vn.trithuc.registry.PersonId} and the events {@link vn.trithuc.registry.PersonRegistered},
 * {@link vn.trithuc.registry.PeopleMerged}.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.registry;
