package vn.trithuc.identity;

import java.util.List;

/**
 * A module's access rules, declared as a bean next to its controllers. The security configuration applies
 * all of them, most specific first as declared; anything not covered is denied.
 */
@FunctionalInterface
public interface AccessRules {

	List<AccessRule> accessRules();
}
