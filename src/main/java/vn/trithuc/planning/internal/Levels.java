package vn.trithuc.planning.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeLists;
import vn.trithuc.shared.VietnameseText;

/**
 * Orders the levels of the catalog's code lists (degree, political theory, state management, foreign language, IT)
 * so that "at least this level" can be checked: by sort order, a medical degree by the level it is equivalent to.
 * Legacy entries (old A/B/C certificates) rank nowhere: they never meet a standard on their own (DOMAIN.md: keep as
 * legacy, do not auto-convert).
 */
@Component
public class Levels {

	private final CodeLists codeLists;

	Levels(CodeLists codeLists) {
		this.codeLists = codeLists;
	}

	/** The rank of {@code code} in {@code kind}; empty when unknown or legacy. */
	public Optional<Integer> rank(CodeListKind kind, @Nullable String code) {
		if (code == null || code.isEmpty()) {
			return Optional.empty();
		}
		var entry = codeLists.find(kind, code);
		if (entry.isEmpty() || "true".equals(entry.get().attributes().get("legacy")) && kind != CodeListKind.EDUCATION_LEVEL) {
			return Optional.empty();
		}
		var equivalent = entry.get().attributes().get("equivalent_to");
		if (equivalent != null && !equivalent.isEmpty()) {
			return codeLists.find(kind, equivalent).map(CodeListEntry::sortOrder);
		}
		return Optional.of(entry.get().sortOrder());
	}

	/** Whether {@code held} is at least {@code required}. */
	public boolean atLeast(CodeListKind kind, @Nullable String held, String required) {
		var need = rank(kind, required);
		var have = rank(kind, held);
		return need.isPresent() && have.isPresent() && have.get() >= need.get();
	}

	/** The entry whose code or name matches {@code text} (without diacritics, any case). */
	public Optional<CodeListEntry> match(CodeListKind kind, String text) {
		var folded = VietnameseText.fold(text.strip());
		return codeLists.entries(kind).stream()
			.filter(e -> e.code().equalsIgnoreCase(text.strip()) || VietnameseText.fold(e.name()).equals(folded))
			.findFirst();
	}

	public String name(CodeListKind kind, @Nullable String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return codeLists.find(kind, code).map(CodeListEntry::name).orElse(code);
	}

	public java.util.List<CodeListEntry> choices(CodeListKind kind) {
		return codeLists.active(kind);
	}
}
