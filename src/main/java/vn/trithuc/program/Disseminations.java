package vn.trithuc.program;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dissemination sessions (quán triệt, tuyên truyền) of a program held by its units, with participants by
 * group, and their coverage: how many units held one and how many people took part.
 */
public interface Disseminations {

	UUID record(ProgramId program, UUID unitId, LocalDate heldOn, Form form, String title,
			Map<ParticipantGroup, Integer> participants, String by);

	List<Session> sessions(ProgramId program);

	/** Coverage over the sessions held from {@code from} to {@code to} (both included). */
	Coverage coverage(ProgramId program, LocalDate from, LocalDate to);

	enum Form {
		IN_PERSON, ONLINE, COMBINED;

		public String messageKey() {
			return "program.disseminationForm." + name();
		}
	}

	enum ParticipantGroup {
		PARTY_MEMBERS, CIVIL_SERVANTS, INTELLECTUALS, PEOPLE;

		public String messageKey() {
			return "program.participantGroup." + name();
		}
	}

	record Session(UUID id, UUID unitId, String unitName, LocalDate heldOn, Form form, String title,
			Map<ParticipantGroup, Integer> participants) {

		public int total() {
			return participants.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** Units that held at least one session out of all reporting units; sessions; participants by group. */
	record Coverage(int unitsCovered, int units, int sessions, Map<ParticipantGroup, Integer> participants) {

		public int participantsTotal() {
			return participants.values().stream().mapToInt(Integer::intValue).sum();
		}

		public double share() {
			return units == 0 ? 0 : (double) unitsCovered / units;
		}
	}
}
