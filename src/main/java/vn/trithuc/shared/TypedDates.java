package vn.trithuc.shared;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Dates typed by people into a form or a query string, read by {@link Formats#parseDate}. One that cannot be read
 * leaves its message under the field's name, for the page to show beside the field: "Ngày «abc» chưa đúng dạng …"
 * or "Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày. …". Nothing typed reads as null.
 */
@Component
public class TypedDates {

	private final MessageSource messages;

	TypedDates(MessageSource messages) {
		this.messages = messages;
	}

	/** The date typed into {@code field}; one that cannot be read puts its message (request's language) into {@code errors}. */
	public @Nullable LocalDate read(@Nullable String text, String field, Map<String, String> errors) {
		try {
			return parse(text);
		}
		catch (Formats.InvalidDateException e) {
			errors.put(field, message(e));
			return null;
		}
	}

	/** The date typed into a bound form's {@code field}; one that cannot be read is rejected on the field. */
	public static @Nullable LocalDate read(@Nullable String text, String field, Errors errors) {
		try {
			return parse(text);
		}
		catch (Formats.InvalidDateException e) {
			errors.rejectValue(field, e.messageKey(), e.arguments(), null);
			return null;
		}
	}

	/** Whether nothing, or a date that can be read, was typed. */
	public static boolean readable(@Nullable String text) {
		try {
			parse(text);
			return true;
		}
		catch (Formats.InvalidDateException e) {
			return false;
		}
	}

	/**
	 * For a download (an export) asked with a date that cannot be read: to the page at {@code path} with the same
	 * query, which says what is wrong — neither an error page nor a file of another day. The address is relative: the
	 * request's host and forwarded headers are the requester's to choose.
	 */
	public static ResponseEntity<byte[]> toPage(String path) {
		var current = ServletUriComponentsBuilder.fromCurrentRequest().replacePath(path).build();
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(java.net.URI.create(current.getPath() + (current.getQuery() == null ? "" : "?" + current.getQuery())))
			.build();
	}

	private static @Nullable LocalDate parse(@Nullable String text) {
		return text == null || text.isBlank() ? null : Formats.parseDate(text);
	}

	/** What is wrong with a typed date, in the request's language. */
	public String message(Formats.InvalidDateException e) {
		return messages.getMessage(e, LocaleContextHolder.getLocale());
	}
}
