package vn.trithuc.analytics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.SuccessionExtent;
import vn.trithuc.shared.Formats;

/**
 * What a comparison across a change of administrative boundaries must say on screen: for each area shown that was
 * formed between the two dates compared, what it took in — naming the former district of each part when they came
 * from more than one (Đam Rông 4 also took in Đưng K'Nớ from Lạc Dương) and the communes it got only part of.
 */
@Component
class BoundaryNotes {

	static final int LIMIT = 30;

	private final AdminUnits adminUnits;
	private final MessageSource messages;

	BoundaryNotes(AdminUnits adminUnits, MessageSource messages) {
		this.adminUnits = adminUnits;
		this.messages = messages;
	}

	/**
	 * Notes for figures of {@code asOf} shown within the boundaries of another date: what the areas shown took in
	 * when the boundaries are later; when they are earlier, that later units were counted in the former unit that
	 * kept their code.
	 */
	List<String> forQuestion(Collection<String> areaIds, LocalDate asOf, LocalDate boundaries, Locale locale) {
		if (boundaries.isAfter(asOf)) {
			return between(areaIds, asOf, boundaries, locale);
		}
		if (boundaries.isBefore(asOf)) {
			return List.of(messages.getMessage("analytics.boundaries.older",
					new Object[] { Formats.DATE.format(boundaries), Formats.DATE.format(asOf) }, locale));
		}
		return List.of();
	}

	/** Notes for the areas among {@code areaIds} formed after {@code from} and on or before {@code to}. */
	List<String> between(Collection<String> areaIds, LocalDate from, LocalDate to, Locale locale) {
		var notes = new ArrayList<String>();
		for (var value : areaIds) {
			if (notes.size() >= LIMIT) {
				break;
			}
			UUID id;
			try {
				id = UUID.fromString(value);
			}
			catch (IllegalArgumentException e) {
				continue;
			}
			var unit = adminUnits.find(new AdminUnitId(id));
			if (unit.isEmpty() || unit.get().validFrom() == null || !unit.get().validFrom().isAfter(from)
					|| unit.get().validFrom().isAfter(to)) {
				continue;
			}
			var predecessors = adminUnits.predecessors(unit.get().id());
			if (predecessors.isEmpty()) {
				continue;
			}
			var parents = predecessors.stream().map(p -> p.unit().parentId()).distinct().count();
			var parts = new ArrayList<String>();
			for (var p : predecessors) {
				var name = p.unit().name();
				if (parents > 1 && p.unit().parentId() != null) {
					name += " (" + adminUnits.find(p.unit().parentId()).map(AdminUnit::name).orElse("") + ")";
				}
				if (p.extent() == SuccessionExtent.PARTIAL) {
					name = messages.getMessage("analytics.boundaries.part", new Object[] { name }, locale);
				}
				parts.add(name);
			}
			notes.add(messages.getMessage("analytics.boundaries.formed",
					new Object[] { unit.get().name(), Formats.DATE.format(unit.get().validFrom()), String.join(", ", parts) },
					locale));
		}
		return notes;
	}
}
