package vn.trithuc.catalog;

/** How much of an old unit went to a successor. */
public enum SuccessionExtent {
	/** all of it (or no split is known from the sources: see NOTICE.md) */
	WHOLE,
	/** part of it: the old unit was split among several successors (nhập một phần) */
	PARTIAL;

	public String messageKey() {
		return "catalog.extent." + name();
	}
}
