package vn.trithuc.program;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A document date of which parts may be blank, as in ngày      tháng 3 năm 2024: the year is known, the
 * month and day may not be. A day is only known together with its month.
 */
public record PartialDate(int year, @Nullable Integer month, @Nullable Integer day) {

	public PartialDate {
		if (year < 1930 || year > 2200) {
			throw new IllegalArgumentException("year out of range: " + year);
		}
		if (month != null && (month < 1 || month > 12)) {
			throw new IllegalArgumentException("month out of range: " + month);
		}
		if (day != null) {
			if (month == null) {
				throw new IllegalArgumentException("a day needs its month");
			}
			LocalDate.of(year, month, day); // validates the day
		}
	}

	public static PartialDate of(LocalDate date) {
		return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
	}

	public boolean complete() {
		return day != null;
	}

	public boolean dayKnown() {
		return day != null;
	}

	public boolean monthKnown() {
		return month != null;
	}

	/** The full date when every part is known. */
	public Optional<LocalDate> toLocalDate() {
		return complete() ? Optional.of(LocalDate.of(year, month, day)) : Optional.empty();
	}

	/** The earliest day the date can be: used to order documents. */
	public LocalDate earliest() {
		return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
	}
}
