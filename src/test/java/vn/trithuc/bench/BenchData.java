package vn.trithuc.bench;

import java.time.LocalDate;
import java.util.List;


import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.shared.DemoDataContributor;
import vn.trithuc.registry.internal.PeopleBulkLoader;
import vn.trithuc.registry.internal.PeopleGenerator;

/**
 * The benchmark data set: generated people (seed 45, as of 26/11/2026), loaded once. A benchmark asks for the size
 * it needs; when the database already holds that many people (a cached data directory, or an earlier benchmark in
 * the same run) nothing is generated again. People are spread over the real organisation tree (the demo tree of
 * Lâm Đồng: party and people's committees of its 124 communes, schools, health facilities, with the 2025 merges)
 * and live in its real communes, so scoped dashboards, unit subtrees and locality facets see a realistic spread.
 */
public final class BenchData {

	public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

	private BenchData() {
	}

	/** The size asked for on the command line: {@code -Dbench.size=100k|1m|<number>}; 100.000 when absent. */
	public static long size() {
		var text = System.getProperty("bench.size", "100k").trim().toLowerCase();
		if (text.endsWith("k")) {
			return Long.parseLong(text.substring(0, text.length() - 1)) * 1_000;
		}
		if (text.endsWith("m")) {
			return Long.parseLong(text.substring(0, text.length() - 1)) * 1_000_000;
		}
		return Long.parseLong(text.replace("_", "").replace(".", ""));
	}

	/** Makes sure at least {@code people} people are in the registry. @return how many were generated now */
	public static long ensurePeople(long people, ApplicationContext context) {
		var jdbc = context.getBean(JdbcClient.class);
		var transactions = context.getBean(TransactionTemplate.class);
		long present = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		BenchReport.fact("postgresql", jdbc.sql("show server_version").query(String.class).single());
		if (present >= people) {
			BenchReport.fact("people", String.valueOf(present));
			return 0;
		}
		if (jdbc.sql("select count(*) from orgunit.org_unit").query(Long.class).single() == 0) {
			// the organisation tree of demo mode, loaded through its own contributor
			context.getBeansOfType(DemoDataContributor.class).values().stream()
				.filter(c -> c.getClass().getPackageName().startsWith("vn.trithuc.orgunit"))
				.forEach(c -> transactions.executeWithoutResult(s -> c.load()));
		}
		var orgUnits = context.getBean(OrgUnits.class);
		var units = orgUnits.roots(TODAY).stream().flatMap(root -> orgUnits.subtreeAsOf(root.id(), TODAY).stream())
			.map(OrgUnitId::value).sorted().toList();
		var adminUnits = context.getBean(AdminUnits.class);
		var communes = adminUnits.findByCode("68", AdminUnitLevel.PROVINCE, TODAY)
			.map(p -> adminUnits.inForce(TODAY, AdminUnitLevel.COMMUNE, p.id()).stream().map(c -> c.id().value()).toList())
			.orElse(List.of());
		BenchReport.fact("org units people work in", String.valueOf(units.size()));
		BenchReport.fact("communes people live in", String.valueOf(communes.size()));
		long missing = people - present;
		long started = System.nanoTime();
		var loader = context.getBean(PeopleBulkLoader.class);
		transactions.execute(s -> loader.load(new PeopleGenerator(45 + present, communes, units, TODAY), missing,
				"benchmark"));
		double seconds = (System.nanoTime() - started) / 1e9;
		BenchReport.figure("data", "generate + COPY " + missing + " people", missing / seconds, "people/s");
		BenchReport.fact("people", String.valueOf(present + missing));
		return missing;
	}
}
