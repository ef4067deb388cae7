/**
 * Users, roles, login, lockout, password policy and the access rules every endpoint is checked against.
 * Other modules declare who may reach their URLs through {@link vn.trithuc.identity.AccessRules} beans.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.identity;
