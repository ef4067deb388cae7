package vn.trithuc.planning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How many staff meet the title standards of their job positions: a computed indicator for the action program
 * (seed II.2: a civil service "đáp ứng tiêu chuẩn chức danh, vị trí việc làm"). Counted are the intellectuals of a unit
 * subtree on a date who hold a job position that has a standard; each position counts with the title standard in force on that date.
 */
public interface JobPositionCompliance {

	/** @param staff people holding a job position with a standard; @param meeting those meeting all of it */
	record Share(long staff, long meeting) {

		/** meeting / staff, 0 when nobody is counted. */
		public double ratio() {
			return staff == 0 ? 0 : (double) meeting / staff;
		}
	}

	/** The share in the subtree of {@code orgUnit} on {@code date}. */
	Share asOf(UUID orgUnit, LocalDate date);
}
