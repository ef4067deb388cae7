/** Talent (nhân tài): attraction, utilisation and remuneration policies, honouring. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.talent;
