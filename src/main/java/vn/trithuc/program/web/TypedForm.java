package vn.trithuc.program.web;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What was typed into a program form (or a page's query) and the message of each date that cannot be read, shown
 * beside its field ({@code layout :: dateInput}); a form refused for such a date is kept for the page its redirect
 * leads to.
 */
public record TypedForm(Map<String, String> typed, Map<String, String> dateErrors) implements Serializable {

	/** Keeps the form under {@code name} (the page's name for it) for the page the redirect leads to. */
	static void keep(RedirectAttributes redirect, String name, Map<String, String> typed, Map<String, String> dateErrors) {
		redirect.addFlashAttribute(name, new TypedForm(new LinkedHashMap<>(typed), new HashMap<>(dateErrors)));
	}

	@Nullable
	public String value(String field) {
		return typed.get(field);
	}

	@Nullable
	public String error(String field) {
		return dateErrors.get(field);
	}
}
