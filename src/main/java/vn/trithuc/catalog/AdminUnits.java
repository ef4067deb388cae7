package vn.trithuc.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Administrative units through time. Ask with a date: the units of 30/6/2025 are the 63 provinces and their
 * districts and communes, those of 1/7/2025 the 34 provinces and 3,321 communes.
 */
public interface AdminUnits {

	/** The units of {@code level} in force on {@code date}, under {@code parent} when given, sorted by name. */
	List<AdminUnit> inForce(LocalDate date, AdminUnitLevel level, @Nullable AdminUnitId parent);

	Optional<AdminUnit> find(AdminUnitId id);

	/** The unit of {@code level} that carried {@code code} on {@code date}. */
	Optional<AdminUnit> findByCode(String code, AdminUnitLevel level, LocalDate date);

	/** Direct successors (old → new). */
	List<LinkedUnit> successors(AdminUnitId id);

	/** Direct predecessors (new ← old). */
	List<LinkedUnit> predecessors(AdminUnitId id);

	/**
	 * The unit(s) in force on {@code date} that {@code id} became, following successor links: itself when
	 * still in force, several when it was split (PARTIAL), empty when {@code date} is before the unit existed
	 * or it has no known successor.
	 */
	List<LinkedUnit> mapToDate(AdminUnitId id, LocalDate date);

	/** The one unit to choose from {@link #mapToDate}: the primary successor. */
	default Optional<AdminUnit> primaryOn(AdminUnitId id, LocalDate date) {
		return mapToDate(id, date).stream().filter(LinkedUnit::primary).map(LinkedUnit::unit).findFirst();
	}

	/**
	 * One page of units in force on a date, by level, parent (directly or through a legacy district) and
	 * folded-name search (or exact code).
	 */
	AdminUnitPage search(AdminUnitQuery query);

	/**
	 * @param q text matched without diacritics against the name; blank = all
	 * @param page from 0
	 */
	record AdminUnitQuery(LocalDate date, @Nullable AdminUnitLevel level, @Nullable AdminUnitId parent, String q,
			int page, int size) {

		public AdminUnitQuery {
			if (page < 0 || size < 1 || size > 500) {
				throw new IllegalArgumentException("page >= 0, 1 <= size <= 500");
			}
			q = q == null ? "" : q;
		}
	}

	record AdminUnitPage(List<AdminUnit> units, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}
}
