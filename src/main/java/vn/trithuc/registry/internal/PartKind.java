package vn.trithuc.registry.internal;

import java.util.List;

/**
 * The effective-dated parts of a profile and their fields. Values are kept as text: codes of the catalog's
 * lists (named by {@link Field#codeList()}), UUIDs of org units / administrative units, dates dd/MM/yyyy as ISO
 * dates, years, or free text.
 */
public enum PartKind {
	POSITION(true, false, List.of(Field.orgUnit("orgUnit", false), Field.text("jobTitle", true), Field.text("jobPosition", false),
			Field.code("rank", "ranks-and-titles", false), Field.code("personnelCategory", "personnel-categories", true))),
	DEGREE(false, false, List.of(Field.code("level", "education-levels", true), Field.code("fieldOfStudy", "fields-of-study", false),
			Field.text("institution", false), Field.text("country", false), Field.year("year", false), Field.text("mode", false))),
	ACADEMIC_TITLE(false, false, List.of(Field.code("title", "academic-titles", true), Field.year("year", false))),
	POLITICAL_THEORY(false, false, List.of(Field.code("level", "political-theory-levels", true))),
	STATE_MANAGEMENT(false, false, List.of(Field.code("level", "state-management-levels", true))),
	FOREIGN_LANGUAGE(false, false, List.of(Field.text("language", true), Field.code("level", "foreign-language-levels", true))),
	IT_LEVEL(false, false, List.of(Field.code("level", "it-levels", true))),
	PARTY_MEMBERSHIP(false, true, List.of(Field.date("joinDate", true), Field.date("officialDate", false))),
	EXPERTISE(false, false, List.of(Field.code("field", "fields-of-study", false), Field.text("keywords", true))),
	WORK(false, false, List.of(Field.text("title", true), Field.text("workType", false), Field.year("year", false))),
	HONOUR(false, false, List.of(Field.code("honourKind", "honour-kinds", true), Field.text("decision", false), Field.year("year", false))),
	TALENT(false, false, List.of(Field.text("reason", true)));

	private final boolean startRequired;
	private final boolean sensitive;
	private final List<Field> fields;

	PartKind(boolean startRequired, boolean sensitive, List<Field> fields) {
		this.startRequired = startRequired;
		this.sensitive = sensitive;
		this.fields = fields;
	}

	public boolean startRequired() {
		return startRequired;
	}

	/** Hidden from callers who may not see party membership ({@link ProfileVisibility}). */
	public boolean sensitive() {
		return sensitive;
	}

	public List<Field> fields() {
		return fields;
	}

	public String messageKey() {
		return "registry.part." + name();
	}

	public enum Type {
		TEXT, CODE, DATE, YEAR, ORG_UNIT, ADMIN_UNIT
	}

	/** @param codeList the catalog list a CODE field takes its values from */
	public record Field(String name, Type type, String codeList, boolean required) {

		static Field text(String name, boolean required) {
			return new Field(name, Type.TEXT, "", required);
		}

		static Field code(String name, String list, boolean required) {
			return new Field(name, Type.CODE, list, required);
		}

		static Field date(String name, boolean required) {
			return new Field(name, Type.DATE, "", required);
		}

		static Field year(String name, boolean required) {
			return new Field(name, Type.YEAR, "", required);
		}

		static Field orgUnit(String name, boolean required) {
			return new Field(name, Type.ORG_UNIT, "", required);
		}

		public String messageKey() {
			return "registry.field." + name;
		}
	}
}
