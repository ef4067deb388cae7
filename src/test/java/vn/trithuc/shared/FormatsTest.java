package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FormatsTest {

	private final Formats fmt = new Formats();

	@Test
	void dates_are_day_month_year() {
		assertThat(fmt.date(LocalDate.of(2023, 11, 24))).isEqualTo("24/11/2023");
		assertThat(Formats.parseDate("06/03/2024")).isEqualTo(LocalDate.of(2024, 3, 6));
		assertThat(Formats.parseDate("29/02/2024")).isEqualTo(LocalDate.of(2024, 2, 29));
		// an impossible day is refused, never moved to the month's last day
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.parseDate("31/02/2025"))
			.isInstanceOf(java.time.format.DateTimeParseException.class);
	}

	@Test
	void a_day_written_right_that_does_not_exist_is_told_apart_from_a_wrong_form() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.parseDate("31/02/1990"))
			.isInstanceOfSatisfying(Formats.NoSuchDayException.class, e -> {
				assertThat(e.getCodes()).containsExactly("date.noSuchDay");
				assertThat(e.getArguments()).containsExactly("31/02/1990", "02/1990", "28");
			});
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.parseDate("29/02/2023"))
			.isInstanceOf(Formats.NoSuchDayException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.parseDate("12/13/1990"))
			.isInstanceOfSatisfying(Formats.NoSuchDayException.class,
					e -> assertThat(e.messageKey()).isEqualTo("date.noSuchMonth"));
		for (var wrong : new String[] { "1/2/1990", "1990-02-01", "31.02.1990", "abc", "" }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.parseDate(wrong))
				.isInstanceOfSatisfying(Formats.InvalidDateException.class, e -> {
					assertThat(e.messageKey()).isEqualTo("date.format");
					assertThat(e.getArguments()).containsExactly(wrong);
				})
				.isNotInstanceOf(Formats.NoSuchDayException.class);
		}
		assertThat(Formats.parseDate(" 05/09/1985 ")).isEqualTo(LocalDate.of(1985, 9, 5));
	}

	@Test
	void instants_are_shown_in_vietnam_time() {
		assertThat(fmt.dateTime(Instant.parse("2026-11-26T17:30:00Z"))).isEqualTo("27/11/2026 00:30");
	}

	@Test
	void numbers_use_dot_for_thousands_and_comma_for_decimals() {
		assertThat(fmt.number(1234.5)).isEqualTo("1.234,5");
		assertThat(fmt.number(1_000_000)).isEqualTo("1.000.000");
		assertThat(fmt.number(new BigDecimal("3321"))).isEqualTo("3.321");
		assertThat(fmt.percent(0.125)).isEqualTo("12,5%");
	}

	@Test
	void file_sizes_read_as_people_read_them() {
		assertThat(Formats.fileSize(0)).isEqualTo("0 byte");
		assertThat(Formats.fileSize(812)).isEqualTo("812 byte");
		assertThat(Formats.fileSize(1023)).isEqualTo("1.023 byte");
		assertThat(Formats.fileSize(1024)).isEqualTo("1 KB");
		assertThat(Formats.fileSize(1229)).isEqualTo("1,2 KB");
		assertThat(Formats.fileSize(1_048_575)).isEqualTo("1 MB");
		assertThat(Formats.fileSize(3_565_158)).isEqualTo("3,4 MB");
		assertThat(Formats.fileSize(5L * 1024 * 1024)).isEqualTo("5 MB");
		assertThat(Formats.fileSize(1_181_116_006L)).isEqualTo("1,1 GB");
		assertThat(fmt.fileSize(150 * 1024)).as("from templates too").isEqualTo("150 KB");
	}
}
