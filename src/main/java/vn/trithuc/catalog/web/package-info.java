/** The catalog's pages ({@code /catalog/**}) and JSON API ({@code /api/v1/catalog/**}). */
@org.jspecify.annotations.NullMarked
package vn.trithuc.catalog.web;
