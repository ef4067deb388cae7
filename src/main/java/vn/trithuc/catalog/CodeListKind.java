package vn.trithuc.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The code lists of the catalog, each with its URL name ({@code ethnic-groups}) and the extra columns its
 * entries carry beyond code, name, sort order and status.
 */
public enum CodeListKind {
	ETHNIC_GROUP("ethnic-groups", "minority"),
	RELIGION("religions", "note"),
	EDUCATION_LEVEL("education-levels", "legacy", "equivalent_to"),
	DEGREE("degrees", "education_level"),
	ACADEMIC_TITLE("academic-titles"),
	POLITICAL_THEORY_LEVEL("political-theory-levels"),
	STATE_MANAGEMENT_LEVEL("state-management-levels"),
	FOREIGN_LANGUAGE_LEVEL("foreign-language-levels", "cefr", "legacy"),
	IT_LEVEL("it-levels", "modules", "legacy"),
	FIELD_OF_STUDY("fields-of-study", "university_code"),
	CIVIL_SERVANT_RANK("civil-servant-ranks", "grade", "rank_group"),
	PROFESSIONAL_TITLE("professional-titles", "grade", "title_group"),
	PERSONNEL_CATEGORY("personnel-categories", "state_personnel"),
	HONOUR_KIND("honour-kinds", "category", "level");

	private final String slug;
	private final List<String> attributes;

	CodeListKind(String slug, String... attributes) {
		this.slug = slug;
		this.attributes = List.of(attributes);
	}

	/** The list's name in URLs and file names: {@code ethnic-groups}. */
	public String slug() {
		return slug;
	}

	/** Extra columns, in file order. */
	public List<String> attributes() {
		return attributes;
	}

	public String messageKey() {
		return "catalog.list." + slug;
	}

	public static Optional<CodeListKind> fromSlug(String slug) {
		return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
	}
}
