package vn.trithuc.analytics.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the workforce can be broken down by. {@link #ALL} has one value ("") and pairs with every other one to give
 * the single breakdowns. {@link #AREA} is the commune of residence within the boundaries of the chosen date;
 * {@link #AREA_ASSUMED} says whether it was the primary successor of a partly split commune taken by assumption.
 * {@link #SECTOR} is the sector of the person's unit ({@link SectorPolicy}); {@link #REMOTE} whether they live in a
 * commune on a remote-area list in force on the date ({@link RemoteAreas}).
 */
public enum Dimension {
	ALL, SEX, AGE_BAND, YOUNG, ETHNIC_GROUP, MINORITY, DEGREE, ACADEMIC_TITLE, FIELD, CATEGORY, UNIT, SECTOR, AREA,
	AREA_ASSUMED, REMOTE, PARTY;

	/** The dimensions the dashboard and the pivot offer. */
	public static final List<Dimension> BREAKDOWNS = List.of(DEGREE, ACADEMIC_TITLE, FIELD, SECTOR, CATEGORY, UNIT, AREA,
			REMOTE, AGE_BAND, SEX, MINORITY, ETHNIC_GROUP, PARTY, YOUNG);

	public String messageKey() {
		return "analytics.dimension." + name();
	}

	/** Every pair (a, b) with a before b: what a snapshot keeps. */
	public static List<Dimension[]> pairs() {
		var pairs = new ArrayList<Dimension[]>();
		var all = values();
		for (int a = 0; a < all.length; a++) {
			for (int b = a + 1; b < all.length; b++) {
				pairs.add(new Dimension[] { all[a], all[b] });
			}
		}
		return pairs;
	}

	public static Dimension parse(String name) {
		try {
			var d = valueOf(name);
			if (d == ALL) {
				throw new IllegalArgumentException(name);
			}
			return d;
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("unknown dimension " + name);
		}
	}
}
