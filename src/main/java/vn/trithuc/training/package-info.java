/** Training (đào tạo), fostering (bồi dưỡng) and sponsored study (cử đi đào tạo). */
@org.jspecify.annotations.NullMarked
package vn.trithuc.training;
