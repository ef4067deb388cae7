package vn.trithuc.registry.internal;

/** Where an import job's background work stands: rows done of the rows of the current phase. */
@FunctionalInterface
public interface ImportProgress {

	/** QUEUED → READING → CHECKING → CHECKED (dry run ready) → APPLYING → DONE; FAILED when the work broke off. */
	enum Phase {
		QUEUED, READING, CHECKING, CHECKED, APPLYING, DONE, FAILED;

		public boolean working() {
			return this == QUEUED || this == READING || this == CHECKING || this == APPLYING;
		}
	}

	void at(Phase phase, int done, int total);

	ImportProgress NONE = (phase, done, total) -> {
	};
}
