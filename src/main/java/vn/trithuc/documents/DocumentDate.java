package vn.trithuc.documents;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The date of a document, possibly partly unknown (a draft is dated by hand when signed): "ngày 15 tháng 12
 * năm 2024", "ngày      tháng 3 năm 2024". Days below 10 and months 1 and 2 take a leading zero (Decree 30/2020).
 */
public record DocumentDate(@Nullable Integer day, @Nullable Integer month, int year) {

	public static DocumentDate of(LocalDate date) {
		return new DocumentDate(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** "Đam Rông, ngày 15 tháng 12 năm 2024". */
	public String text(String place) {
		var d = day == null ? DocumentNumber.BLANK : day < 10 ? "0" + day : day.toString();
		var m = month == null ? DocumentNumber.BLANK : month < 3 ? "0" + month : month.toString();
		return place + ", ngày " + d + " tháng " + m + " năm " + year;
	}
}
