package vn.trithuc.orgunit;

import java.util.Arrays;

/**
 * An operation refused by a rule of the organisation tree. Nothing of the operation is applied. The text for
 * people is the message {@code key} with {@code arguments} from the bundles (Vietnamese by default).
 */
public class OrgUnitRuleViolation extends RuntimeException {

	private final String key;
	private final transient Object[] arguments;

	public OrgUnitRuleViolation(String key, Object... arguments) {
		super(key + " " + Arrays.toString(arguments));
		this.key = key;
		this.arguments = arguments.clone();
	}

	public String key() {
		return key;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
