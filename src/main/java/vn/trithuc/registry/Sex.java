package vn.trithuc.registry;

/** Sex as recorded in the national population database. */
public enum Sex {
	MALE, FEMALE;

	public String messageKey() {
		return "registry.sex." + name();
	}
}
