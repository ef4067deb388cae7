package vn.trithuc.catalog;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An administrative unit as it was between {@code validFrom} and {@code validTo} (both inclusive; null =
 * unknown start / still in force).
 *
 * @param code official code, null for the few legacy districts without one (NOTICE.md)
 * @param name official name for display, including the type word (Xã Đam Rông 2)
 * @param type the kind of unit: province, city, commune, ward, special_zone, township, rural_district, …
 */
public record AdminUnit(AdminUnitId id, @Nullable String code, String name, AdminUnitLevel level, String type,
		@Nullable AdminUnitId parentId, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

	public AdminUnit {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(type, "type");
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			throw new IllegalArgumentException("valid_to before valid_from: " + name);
		}
	}

	public boolean inForceOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}

	/** Message key of the type, e.g. {@code catalog.type.commune}. */
	public String typeMessageKey() {
		return "catalog.type." + type;
	}
}
