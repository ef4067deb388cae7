/**
 * The organisation tree through time (cơ quan, đơn vị, tổ chức): create, rename, move, merge, split,
 * dissolve, with successor links. API: {@link vn.trithuc.orgunit.OrgUnits} (the tree as of a date, subtrees for
 * user scopes and statistics, successors), {@link vn.trithuc.orgunit.OrgUnitId} and the past-tense events.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.orgunit;
