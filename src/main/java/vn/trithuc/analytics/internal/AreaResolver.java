package vn.trithuc.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.LinkedUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;

/**
 * Places a recorded residence within the administrative boundaries of a date, never in two places: the unit itself
 * or its only successor (old Rô Men → Đam Rông 2); for a commune split among several successors, the successor
 * where the person's own unit lies when that is recorded, else the primary successor, flagged as assumed. A new
 * unit seen with old boundaries goes back to the predecessor that kept its code, flagged.
 */
@Component
public class AreaResolver {

	public record Area(@Nullable UUID unit, boolean assumed) {
		static final Area UNKNOWN = new Area(null, false);
	}

	private record Key(UUID residence, @Nullable UUID orgUnit, LocalDate boundaries) {
	}

	private final AdminUnits adminUnits;
	private final OrgUnits orgUnits;
	private final Map<Key, Area> cache = new ConcurrentHashMap<>();
	/** residence → the answers of mapToDate with the dates each holds for (the reached units all in force) */
	private final Map<UUID, List<Window>> successors = new ConcurrentHashMap<>();

	private record Window(LocalDate from, LocalDate to, List<LinkedUnit> candidates) {

		boolean covers(LocalDate date) {
			return !date.isBefore(from) && !date.isAfter(to);
		}
	}

	AreaResolver(AdminUnits adminUnits, OrgUnits orgUnits) {
		this.adminUnits = adminUnits;
		this.orgUnits = orgUnits;
	}

	public Area resolve(@Nullable UUID residence, @Nullable UUID orgUnit, LocalDate boundaries) {
		if (residence == null) {
			return Area.UNKNOWN;
		}
		var candidates = candidates(residence, boundaries);
		if (candidates.size() == 1) {
			var only = candidates.get(0);
			return new Area(only.unit().id().value(), false);
		}
		if (candidates.isEmpty()) {
			return cache.computeIfAbsent(new Key(residence, null, boundaries), k -> backwards(residence, boundaries));
		}
		return cache.computeIfAbsent(new Key(residence, orgUnit, boundaries), k -> split(candidates, orgUnit, boundaries));
	}

	/** Whether the area of someone living in {@code residence} depends on their own unit: a partly split commune. */
	public boolean dependsOnUnit(UUID residence, LocalDate boundaries) {
		return candidates(residence, boundaries).size() > 1;
	}

	/**
	 * The units in force on {@code boundaries} that {@code residence} became. An answer is kept with the dates it holds
	 * for (while every unit reached is in force and the residence itself has ended), so that asking for another date
	 * of the same boundaries costs nothing; an empty answer only for its date.
	 */
	private List<LinkedUnit> candidates(UUID residence, LocalDate boundaries) {
		var windows = successors.computeIfAbsent(residence, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
		for (var w : windows) {
			if (w.covers(boundaries)) {
				return w.candidates();
			}
		}
		var answer = adminUnits.mapToDate(new AdminUnitId(residence), boundaries);
		LocalDate from = boundaries;
		LocalDate to = boundaries;
		if (!answer.isEmpty()) {
			from = LocalDate.MIN;
			to = LocalDate.MAX;
			for (var c : answer) {
				if (c.unit().validFrom() != null && c.unit().validFrom().isAfter(from)) {
					from = c.unit().validFrom();
				}
				if (c.unit().validTo() != null && c.unit().validTo().isBefore(to)) {
					to = c.unit().validTo();
				}
			}
			var self = adminUnits.find(new AdminUnitId(residence));
			boolean reachedItself = answer.stream().anyMatch(c -> c.unit().id().value().equals(residence));
			if (!reachedItself && self.isPresent() && self.get().validTo() != null && !self.get().validTo().isBefore(from)) {
				from = self.get().validTo().plusDays(1);
			}
			if (!new Window(from, to, answer).covers(boundaries)) {
				from = boundaries;
				to = boundaries;
			}
		}
		windows.add(new Window(from, to, answer));
		return answer;
	}

	private Area split(List<LinkedUnit> candidates, @Nullable UUID orgUnit, LocalDate boundaries) {
		if (orgUnit != null) {
			var own = orgUnits.find(new OrgUnitId(orgUnit), boundaries).map(u -> u.adminUnitId());
			if (own.isPresent() && own.get() != null) {
				for (var c : candidates) {
					if (c.unit().id().value().equals(own.get())) {
						return new Area(own.get(), false);
					}
				}
			}
		}
		var primary = candidates.stream().filter(LinkedUnit::primary).findFirst().orElse(candidates.get(0));
		return new Area(primary.unit().id().value(), true);
	}

	private Area backwards(UUID residence, LocalDate boundaries) {
		var unit = adminUnits.find(new AdminUnitId(residence));
		if (unit.isEmpty() || unit.get().validFrom() == null || !boundaries.isBefore(unit.get().validFrom())) {
			return Area.UNKNOWN;
		}
		Optional<UUID> sameCode = adminUnits.predecessors(unit.get().id()).stream()
			.filter(p -> Objects.equals(p.unit().code(), unit.get().code()) && p.unit().inForceOn(boundaries))
			.map(p -> p.unit().id().value()).findFirst();
		return sameCode.map(id -> new Area(id, true)).orElse(Area.UNKNOWN);
	}

	/** Forget cached answers (org units or admin units changed). */
	public void forget() {
		cache.clear();
		successors.clear();
	}
}
