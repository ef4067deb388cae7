package vn.trithuc.analytics.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * The value of a dimension for a person's facts: the one place that decides age bands (&lt;30, 30–40, 41–50,
 * 51–60, &gt;60 as the review-report annexes have them), who is young, who belongs to an ethnic minority (any
 * group but Kinh, code 01) and the area of residence. "" = unknown / none.
 */
@Component
public class Classifier {

	public static final String KINH = "01";
	public static final java.util.List<String> AGE_BANDS = java.util.List.of("UNDER_30", "30_40", "41_50", "51_60", "OVER_60");

	private final AreaResolver areas;
	private final AnalyticsSettings settings;
	private final SectorPolicy sectors;
	private final RemoteAreas remoteAreas;

	Classifier(AreaResolver areas, AnalyticsSettings settings, SectorPolicy sectors, RemoteAreas remoteAreas) {
		this.areas = areas;
		this.settings = settings;
		this.sectors = sectors;
		this.remoteAreas = remoteAreas;
	}

	public int youngAge() {
		return settings.youngAge();
	}

	String value(Dimension dimension, Raw raw, LocalDate boundaries) {
		return switch (dimension) {
			case ALL -> "";
			case SEX -> text(raw.sex());
			case AGE_BAND -> raw.age() == null ? "" : ageBand(raw.age());
			case YOUNG -> raw.age() == null ? "" : Boolean.toString(raw.age() <= settings.youngAge());
			case ETHNIC_GROUP -> text(raw.ethnicGroup());
			case MINORITY -> raw.ethnicGroup() == null ? "" : Boolean.toString(!raw.ethnicGroup().equals(KINH));
			case DEGREE -> text(raw.degree());
			case ACADEMIC_TITLE -> text(raw.academicTitle());
			case FIELD -> text(raw.field());
			case CATEGORY -> text(raw.category());
			case UNIT -> raw.orgUnit() == null ? "" : raw.orgUnit().toString();
			case SECTOR -> raw.orgUnit() == null ? "" : sectors.sector(raw.orgUnit());
			case AREA -> {
				var area = areas.resolve(raw.residence(), raw.orgUnit(), boundaries);
				yield area.unit() == null ? "" : area.unit().toString();
			}
			case AREA_ASSUMED -> Boolean.toString(areas.resolve(raw.residence(), raw.orgUnit(), boundaries).assumed());
			case REMOTE -> {
				if (raw.residence() == null) {
					yield "";
				}
				var area = areas.resolve(raw.residence(), raw.orgUnit(), boundaries);
				yield Boolean.toString(remoteAreas.listed(raw.residence(), raw.asOf())
						|| area.unit() != null && remoteAreas.listed(area.unit(), raw.asOf()));
			}
			case PARTY -> raw.party() == null ? "" : raw.party().toString();
		};
	}

	static String ageBand(int age) {
		if (age < 30) {
			return "UNDER_30";
		}
		if (age <= 40) {
			return "30_40";
		}
		if (age <= 50) {
			return "41_50";
		}
		if (age <= 60) {
			return "51_60";
		}
		return "OVER_60";
	}

	String[] values(Raw raw, LocalDate boundaries) {
		var all = Dimension.values();
		var values = new String[all.length];
		for (var d : all) {
			values[d.ordinal()] = value(d, raw, boundaries);
		}
		return values;
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}
}
