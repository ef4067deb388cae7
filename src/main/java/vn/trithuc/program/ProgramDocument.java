package vn.trithuc.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An action program as it read on a given day ({@code asOf}; null = today's text with every amendment):
 * header block, the cascade it implements (highest document first), legal bases, sections with their items,
 * the assignments of section IV and the targets taken from later documents.
 */
public record ProgramDocument(ProgramSummary summary, int version, @Nullable String higherIssuerHeading,
		@Nullable String issuerHeading, @Nullable UUID issuerOrgUnitId, @Nullable String place,
		@Nullable String kindHeading, @Nullable String preamble, List<ProgramSummary> cascade,
		List<LegalBasis> legalBases, List<Section> sections, List<Assignment> assignments, List<Target> targets,
		@Nullable LocalDate asOf) {

	public ProgramId id() {
		return summary.id();
	}

	/** The sections of one part (I, II, III, IV) in order; the part itself first. */
	public List<Section> part(String code) {
		return sections.stream().filter(s -> s.code().equals(code) || code.equals(s.parentCode())).toList();
	}

	public List<Section> taskSections() {
		return sections.stream().filter(s -> s.taskGroup() != null).toList();
	}

	public List<Item> items(ItemKind kind) {
		return sections.stream().flatMap(s -> s.items().stream()).filter(i -> i.kind() == kind).toList();
	}

	public record LegalBasis(int position, @Nullable ProgramId referenced, String citation) {
	}

	public record Section(UUID id, String code, @Nullable String parentCode, String label, String heading,
			@Nullable TaskGroup taskGroup, @Nullable ItemKind itemKind, List<Item> items) {
	}

	/**
	 * An item as it read on the day asked for.
	 *
	 * @param revision the revision shown; 1 = as issued
	 * @param revisions how many revisions exist today (later ones may not be in force yet on asOf)
	 * @param version optimistic lock for the next amendment
	 */
	public record Item(UUID id, int position, ItemKind kind, @Nullable TaskGroup taskGroup, String text, int revision,
			int revisions, @Nullable LocalDate validFrom, @Nullable String decisionNumber, @Nullable String reason,
			int version, @Nullable LocalDate addedOn) {

		public boolean amended() {
			return revision > 1;
		}
	}

	public record Revision(int revision, String text, @Nullable LocalDate validFrom, @Nullable String decisionNumber,
			@Nullable String reason, Instant recordedAt, String recordedBy) {
	}

	public record Assignment(int position, String unitName, @Nullable UUID orgUnitId, Responsibility responsibility,
			@Nullable UUID itemId) {
	}

	/** A numeric target; never from the program's own text unless it states one, always with its source. */
	public record Target(String indicatorCode, String description, java.math.BigDecimal value, String unit,
			int year, String comparator, String sourceDocument, @Nullable LocalDate sourceDate,
			String sourceStatus) {
	}
}
