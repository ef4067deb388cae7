/**
 * The organisation tree through time (cơ quan, đơn vị, tổ chức): create, rename, move, merge, split,
 * dissolve, with successor links. Arrives with the reference-data issue.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.orgunit;
