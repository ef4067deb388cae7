package vn.trithuc.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.shared.DemoDataContributor;

/**
 * Demo people: {@code trithuc.registry.demo-people} generated people (seed 45, after Resolution 45-NQ/TW) living
 * in the communes of Lâm Đồng and working in the demo organisation tree (loaded before, order 10), plus the profile of the demo intellectual Liêng Hót Ka Hương linked to her account.
 */
@Component
class RegistryDemoData implements DemoDataContributor {

	static final String ACTOR = "demo-generator";
	private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);

	private final PeopleBulkLoader loader;
	private final Profiles profiles;
	private final AdminUnits adminUnits;
	private final JdbcClient jdbc;
	private final RegistrySettings settings;
	private final Clock clock;
	private final OrgUnits orgUnits;

	RegistryDemoData(PeopleBulkLoader loader, Profiles profiles, AdminUnits adminUnits, JdbcClient jdbc,
			RegistrySettings settings, Clock clock, OrgUnits orgUnits) {
		this.orgUnits = orgUnits;
		this.loader = loader;
		this.profiles = profiles;
		this.adminUnits = adminUnits;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("select exists (select 1 from registry.change_log where actor <> :a)").param("a", ACTOR)
			.query(Boolean.class).single();
	}

	@Override
	public void load() {
		var today = LocalDate.now(clock);
		var started = System.nanoTime();
		var communes = lamDongCommunes(today);
		var units = orgUnits.roots(today).stream().flatMap(root -> orgUnits.subtreeAsOf(root.id(), today).stream())
			.map(OrgUnitId::value).sorted().toList();
		long n = loader.load(new PeopleGenerator(45, communes, units, today), settings.demoPeople(), ACTOR);
		log.info("Demo mode: {} people generated in {} ms", n, (System.nanoTime() - started) / 1_000_000);
		// the demo intellectual of JOURNEYS.md (account huong.giaovien) and her own profile
		var created = profiles.registerAnyway(new PersonData("Liêng Hót", "Ka", "Hương", null, vn.trithuc.registry.Sex.FEMALE,
				LocalDate.of(1990, 4, 12), null, "15", "02", null, null, communes.isEmpty() ? null : communes.get(0),
				communes.isEmpty() ? null : communes.get(0), null, null, "huong.giaovien"), ACTOR);
		int version = profiles.addPart(created, 1, PartKind.DEGREE, LocalDate.of(2012, 7, 1), null,
				java.util.Map.of("level", "DAI_HOC", "fieldOfStudy", "14", "institution", "Trường Đại học Đà Lạt"), ACTOR);
		// a teacher at Thầy Hải's school (OrgUnitDemoData gives him its scope): his officer approves her requests
		var school = orgUnits.findByCode("TH-RM");
		if (school.isPresent()) {
			// and his school's staff, about the 48 of the journey with those the generator put there (seed 999: its
			// serial numbers, hence national IDs, start at 999.000, far from the first generator's)
			loader.load(new PeopleGenerator(999, communes, List.of(school.get().id().value()), today), 42, ACTOR);
			profiles.addPart(created, version, PartKind.POSITION, LocalDate.of(2012, 9, 5), null, java.util.Map.of(
					"orgUnit", school.get().id().value().toString(), "jobTitle", "Giáo viên",
					"personnelCategory", "PUBLIC_EMPLOYEE"), ACTOR);
		}
	}

	private List<UUID> lamDongCommunes(LocalDate today) {
		var province = adminUnits.findByCode("68", AdminUnitLevel.PROVINCE, today);
		if (province.isEmpty()) {
			return List.of();
		}
		return adminUnits.inForce(today, AdminUnitLevel.COMMUNE, province.get().id()).stream().map(AdminUnit::id)
			.map(id -> id.value()).toList();
	}
}
