/**
 * The few things every module needs: Vietnamese text folding and formats, demo mode, the page shell
 * (navigation, errors), the embedded database. Keep it small.
 */
@org.jspecify.annotations.NullMarked
package vn.trithuc.shared;
