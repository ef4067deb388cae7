/** The catalog's storage, loaders and rules. Not for other modules. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.catalog.internal;
