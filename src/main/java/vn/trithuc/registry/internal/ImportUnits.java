package vn.trithuc.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.shared.VietnameseText;

/**
 * The org units an import may place people in: those of the uploader's scope (the subtree of the job's scope unit
 * today, through successors, as {@link RegistryScope}), or every unit in force for an uploader who reaches the whole
 * province. A cell of the "Đơn vị công tác" column names a unit by its code or its name (folded: with or without
 * diacritics, any case), its short name too; each distinct text is looked up once per file.
 */
final class ImportUnits {

	/** What a cell names. */
	sealed interface Match {
	}

	record Found(UUID unit, String name) implements Match {
	}

	/** A unit that exists but lies outside the uploader's scope. */
	record OutsideScope(String name) implements Match {
	}

	/** Several units of the scope carry that name: the officer writes the code instead. */
	record Ambiguous(List<String> choices) implements Match {
	}

	/** No unit of the scope: up to three of the scope's units that look alike (may be none). */
	record Unknown(List<String> suggestions) implements Match {
	}

	private final OrgUnits units;
	private final LocalDate today;
	private final @Nullable UUID defaultUnit;
	private final @Nullable String defaultName;
	private final Map<String, List<OrgUnit>> byKey = new HashMap<>();
	private final List<OrgUnit> all;
	private final Set<UUID> inScope;
	private final Map<String, Match> cache = new HashMap<>();

	/**
	 * @param scopeRoot the root unit of the uploader's scope (the job's scope unit); null = the whole province
	 */
	ImportUnits(OrgUnits units, @Nullable UUID scopeRoot, LocalDate today) {
		this.units = units;
		this.today = today;
		Set<OrgUnitId> ids;
		if (scopeRoot == null) {
			ids = new HashSet<>();
			for (var root : units.roots(today)) {
				ids.addAll(units.subtreeAsOf(root.id(), today));
			}
		}
		else {
			ids = units.scopeAsOf(new OrgUnitId(scopeRoot), today);
		}
		all = new ArrayList<>(ids.size());
		inScope = new HashSet<>();
		for (var id : ids) {
			units.find(id, today).ifPresent(unit -> {
				all.add(unit);
				inScope.add(unit.id().value());
				for (var key : keys(unit)) {
					byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(unit);
				}
			});
		}
		all.sort(Comparator.comparing(OrgUnit::code));
		UUID fallback = null;
		String fallbackName = null;
		if (scopeRoot != null) {
			var carriers = units.successors(new OrgUnitId(scopeRoot), today);
			if (carriers.size() == 1) {
				var carrier = units.find(carriers.iterator().next(), today);
				if (carrier.isPresent()) {
					fallback = carrier.get().id().value();
					fallbackName = label(carrier.get());
				}
			}
		}
		this.defaultUnit = fallback;
		this.defaultName = fallbackName;
	}

	/** The unit people of a file without the unit column get: the scope's root unit (null for the whole province). */
	@Nullable
	UUID defaultUnit() {
		return defaultUnit;
	}

	@Nullable
	String defaultName() {
		return defaultName;
	}

	Match match(String text) {
		return cache.computeIfAbsent(key(text), key -> lookUp(key, text.strip()));
	}

	private Match lookUp(String key, String text) {
		if (key.isEmpty()) {
			return new Unknown(List.of());
		}
		var found = byKey.getOrDefault(key, List.of());
		if (found.size() == 1) {
			return new Found(found.get(0).id().value(), label(found.get(0)));
		}
		if (found.size() > 1) {
			// a code names one unit; the same name may be carried by several (two "Trường THCS" in two communes)
			var byCode = found.stream().filter(u -> key(u.code()).equals(key)).toList();
			if (byCode.size() == 1) {
				return new Found(byCode.get(0).id().value(), label(byCode.get(0)));
			}
			return new Ambiguous(found.stream().map(ImportUnits::label).sorted().limit(5).toList());
		}
		// outside the scope? any unit in force today with that code or name
		var elsewhere = units.findByCode(text).filter(u -> u.inForceOn(today))
			.or(() -> units.search(key, today, 20).stream().filter(u -> keys(u).contains(key)).findFirst());
		if (elsewhere.isPresent() && !inScope.contains(elsewhere.get().id().value())) {
			return new OutsideScope(label(elsewhere.get()));
		}
		var suggestions = all.stream().filter(u -> keys(u).stream().anyMatch(k -> alike(k, key))).map(ImportUnits::label)
			.limit(3).toList();
		return new Unknown(suggestions);
	}

	/** One contains the other (4 letters or more), or they differ in one word at most. */
	private static boolean alike(String a, String b) {
		if (Math.min(a.length(), b.length()) >= 4 && (a.contains(b) || b.contains(a))) {
			return true;
		}
		var wordsA = List.of(a.split(" "));
		var wordsB = List.of(b.split(" "));
		if (wordsA.size() < 2 || Math.abs(wordsA.size() - wordsB.size()) > 1) {
			return false;
		}
		var common = new HashSet<>(wordsA);
		common.retainAll(new HashSet<>(wordsB));
		return common.size() >= Math.max(wordsA.size(), wordsB.size()) - 1;
	}

	private static List<String> keys(OrgUnit unit) {
		var keys = new ArrayList<String>(3);
		keys.add(key(unit.code()));
		keys.add(key(unit.name()));
		if (unit.shortName() != null && !unit.shortName().isBlank()) {
			keys.add(key(unit.shortName()));
		}
		return keys;
	}

	static String key(String text) {
		return VietnameseText.fold(text).replaceAll("[^a-z0-9]+", " ").strip();
	}

	static String label(OrgUnit unit) {
		return unit.name() + " (" + unit.code() + ")";
	}
}
