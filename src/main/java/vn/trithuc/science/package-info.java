/** S&amp;T tasks commissioned from experts (đặt hàng, giao nhiệm vụ), acceptance, initiatives. */
@org.jspecify.annotations.NullMarked
package vn.trithuc.science;
