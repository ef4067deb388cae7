package vn.trithuc.orgunit;

/** The operations on the organisation tree, each recorded as an event. */
public enum OperationKind {
	CREATED, RENAMED, MOVED, MERGED, SPLIT, DISSOLVED;

	public String messageKey() {
		return "orgunit.operation." + name();
	}
}
