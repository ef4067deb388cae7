package vn.trithuc.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/** The action programs: read them as of any day, import the seed program, amend them without losing history. */
public interface Programs {

	/** Every program and reference document, highest and oldest first. */
	List<ProgramSummary> programs();

	/** The program as it read on {@code asOf} (null = with every amendment recorded). */
	Optional<ProgramDocument> find(ProgramId id, @Nullable LocalDate asOf);

	/** The seed program (Đam Rông, 3/2024) when it has been loaded. */
	Optional<ProgramId> seedProgram();

	/** Loads the seed program with its cascade; does nothing when it is already there. */
	ProgramId importSeedProgram(String by);

	/**
	 * Links the issuers and the assigned units still unlinked to the organisation tree, by their names as of
	 * the documents' dates (a single exact match only). @return how many links were made
	 */
	int linkOrgUnits(ProgramId program);

	/**
	 * Records an amendment of one item: a new revision in force from {@code validFrom}; the earlier text stays
	 * readable as of any earlier day.
	 *
	 * @throws OptimisticLockingFailureException when someone amended the item since {@code expectedVersion}
	 * @throws IllegalArgumentException for an unknown item or a date before the last revision's
	 */
	void amendItem(ProgramId program, UUID itemId, int expectedVersion, Amendment amendment);

	/** Adds an item to a section by amendment (bổ sung): absent before {@code validFrom}. */
	UUID addItem(ProgramId program, String sectionCode, Amendment amendment);

	/**
	 * The org unit that owns the program today: its issuer, or after a reorganisation the unit carrying the issuer
	 * on (the dissolved district committee's program passes to its successor). Empty when the issuer is unlinked.
	 */
	Optional<UUID> owner(ProgramId program);

	/** Every revision of an item, the first (as issued) first. */
	List<ProgramDocument.Revision> history(ProgramId program, UUID itemId);

	/** An amendment: the new text, when it takes effect, the deciding document and why. */
	record Amendment(String text, LocalDate validFrom, String decisionNumber, String reason, String by) {
		public Amendment {
			if (text == null || text.isBlank() || decisionNumber == null || decisionNumber.isBlank() || reason == null
					|| reason.isBlank() || validFrom == null) {
				throw new IllegalArgumentException("an amendment needs text, date, decision number and reason");
			}
		}
	}
}
