package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.internal.PeopleSearch.Sort;
import vn.trithuc.shared.VietnameseText;

/**
 * The in-memory {@link SearchIndex} answers exactly as the SQL search it replaces: over a generated population
 * (seed 733, its own tree of units, communes of Lâm Đồng) and the rest of the shared database, for names with and
 * without diacritics, NFD input, typos, short tokens, facets selected, expert queries, paging, and the scopes of a
 * unit officer, a scoped HR officer, a leader and an unscoped (province) HR officer — the same rows in the same
 * order, the same total and every facet value with the same count and label.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexEquivalenceTest {

	@Autowired
	PeopleSearch search;
	@Autowired
	SearchIndex index;
	@Autowired
	PeopleBulkLoader loader;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	AdminUnits adminUnits;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	UserScopes scopes;
	@Autowired
	UserAdministration administration;

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private OrgUnitId root;
	private OrgUnitId a;
	private OrgUnitId b;
	private OrgUnitId a1;
	private UUID province;
	private UUID commune;
	private final List<Caller> callers = new ArrayList<>();
	private final List<String[]> names = new ArrayList<>();

	@BeforeAll
	void population() throws InterruptedException {
		root = unit("R", "Sở thử chỉ mục", null);
		a = unit("A", "Phòng A thử chỉ mục", root);
		b = unit("B", "Phòng B thử chỉ mục", root);
		a1 = unit("A1", "Tổ A1 thử chỉ mục", a);
		var today = LocalDate.now();
		var lamDong = adminUnits.inForce(today, AdminUnitLevel.PROVINCE, null).stream()
			.filter(u -> u.name().contains("Lâm Đồng")).findFirst().orElseThrow();
		province = lamDong.id().value();
		var communes = adminUnits.inForce(today, AdminUnitLevel.COMMUNE, lamDong.id()).stream().limit(12)
			.map(c -> c.id().value()).toList();
		var units = List.of(root.value(), a.value(), b.value(), a1.value());
		assertThat(index.awaitReady(60, TimeUnit.SECONDS)).as("the index loads").isTrue();
		transactions.execute(s -> loader.load(new PeopleGenerator(733, communes, units, today), 1_200, "index-test"));
		commune = jdbc.sql("select residence from registry.person where current_org_unit = any(:u) and residence is not null limit 1")
			.param("u", units.toArray(UUID[]::new)).query(UUID.class).single();
		jdbc.sql("select family_name, middle_name, given_name from registry.person where current_org_unit = any(:u) order by id limit 12")
			.param("u", units.toArray(UUID[]::new))
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> names
				.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }));

		callers.add(RegistryFixtures.hr());
		callers.add(new Caller("index.admin." + run, Set.of(Role.SYSTEM_ADMINISTRATOR)));
		callers.add(scoped("index.officer." + run, Role.UNIT_OFFICER, a));
		callers.add(scoped("index.hr." + run, Role.HR_OFFICER, b));
		callers.add(scoped("index.leader." + run, Role.LEADER, root));
		callers.add(new Caller("index.nobody." + run, Set.of(Role.UNIT_OFFICER)));
	}

	private OrgUnitId unit(String code, String name, OrgUnitId parent) {
		return operations.create(NewUnit.of("IX" + run + "-" + code, name, OrgUnitKind.OTHER, parent), LocalDate.of(2000, 1, 1),
				Decision.NONE);
	}

	private Caller scoped(String username, Role role, OrgUnitId unit) {
		TestAccounts.ready(administration, username, role);
		scopes.assign(administration.findByUsername(username).orElseThrow().id(), unit.value(), "test");
		return new Caller(username, Set.of(role));
	}

	/** The comparable content of a result: rows in order, total, facets as value → (count, label). */
	private static Map<String, Object> content(PeopleSearch.Result r) {
		var out = new LinkedHashMap<String, Object>();
		out.put("rows", r.rows());
		out.put("total", r.total());
		var facets = new TreeMap<String, Map<String, String>>();
		r.facets().forEach((facet, values) -> {
			var m = new TreeMap<String, String>();
			values.forEach(v -> m.put(v.value(), v.count() + " " + v.label()));
			facets.put(facet, m);
		});
		out.put("facets", facets);
		return out;
	}

	private int compared;

	private void same(String text, Map<String, String> filters, int page, int size, boolean experts) {
		same(text, filters, page, size, experts, null);
	}

	private void same(String text, Map<String, String> filters, int page, int size, boolean experts, Sort sort) {
		for (var caller : callers) {
			var query = new PeopleSearch.Query(text, filters, page, size, experts, sort);
			var indexed = search.indexed(query, caller);
			assertThat(indexed).as("the index answers %s for %s", text, caller.username()).isNotNull();
			var sql = search.sqlSearch(query, caller);
			assertThat(content(indexed)).as("query '%s' %s page %d experts %s sort %s as %s", text, filters, page, experts,
					sort, caller.username()).isEqualTo(content(sql));
			compared++;
		}
	}

	@Test
	void names_with_and_without_diacritics_nfd_typos_and_paging_find_the_same_as_sql() {
		var inPopulation = Map.of("unit", root.value().toString());
		var one = names.get(0);
		var two = names.get(1);
		same("", inPopulation, 0, 20, false);
		same("", inPopulation, 3, 7, false);
		same("", Map.of(), 0, 20, false);
		same(one[2], inPopulation, 0, 20, false);
		same(one[2], Map.of(), 1, 10, false);
		same(one[0] + " " + one[2], inPopulation, 0, 20, false);
		same(VietnameseText.fold(one[0] + " " + one[1] + " " + one[2]), inPopulation, 0, 20, false);
		same(Normalizer.normalize(two[0] + " " + two[2], Normalizer.Form.NFD), inPopulation, 0, 20, false);
		same(two[2].toUpperCase(java.util.Locale.ROOT), Map.of(), 0, 5, false);
		same("Nguyen Thi", inPopulation, 0, 20, false);
		same("Nguyen Thi", inPopulation, 2, 20, false);
		same("nguyn", inPopulation, 0, 20, false); // one typo
		same("Nguyễm Văn", Map.of(), 0, 20, false);
		same("an", inPopulation, 0, 20, false); // short: exact only
		same("K'Huơng", Map.of(), 0, 20, false);
		same("khuong", Map.of(), 0, 20, false);
		same("zzzzqx", Map.of(), 0, 20, false);
		same("   ", inPopulation, 0, 20, false);
		same("", inPopulation, 1000, 20, false);
		assertThat(compared).isGreaterThan(100);
	}

	/**
	 * "huong" also matches Cường and Phương, "thanh" Thành's neighbours: exact matches first, then the typo matches,
	 * each in name order; every page of the population (one crosses from the exact to the typo matches), two tokens
	 * of which one is exact, a short exact token with a typo-tolerant one, a facet selected, and the export.
	 */
	@Test
	void exact_matches_first_then_typo_matches_the_same_as_sql() {
		var inPopulation = Map.of("unit", root.value().toString());
		var hr = RegistryFixtures.hr();
		var all = search.sqlSearch(new PeopleSearch.Query("huong", inPopulation, 0, 200), hr);
		assertThat(all.total()).isLessThanOrEqualTo(200);
		var exact = all.rows().stream().filter(r -> VietnameseText.fold(r.fullName()).matches("(.* )?huong( .*)?")).count();
		assertThat(exact).as("some Hương").isPositive().isLessThan(all.total());
		assertThat(all.rows().subList(0, (int) exact))
			.allSatisfy(r -> assertThat(VietnameseText.fold(r.fullName())).matches("(.* )?huong( .*)?"));
		for (int page = 0; page * 7 < all.total() + 7; page++) {
			same("huong", inPopulation, page, 7, false);
		}
		same("Hương", Map.of(), 0, 20, false);
		same("Hương", Map.of(), 1, 20, false);
		same(Normalizer.normalize("Hương", Normalizer.Form.NFD), inPopulation, 0, 20, false);
		same("Thị Hương", inPopulation, 0, 20, false);
		same("Thi Huong", inPopulation, 1, 5, false);
		same("huong thanh", Map.of(), 0, 20, false);
		same("Nguyễn Phương", inPopulation, 0, 20, false);
		same("cuong", inPopulation, 0, 20, false);
		same("cuong", inPopulation, 1, 20, false);
		same("thanh", Map.of(), 0, 20, false);
		same("huong", Map.of("unit", root.value().toString(), "sex", "FEMALE"), 0, 20, false);

		var query = new PeopleSearch.Query("huong", inPopulation, 0, 200);
		var exported = new ArrayList<UUID>();
		search.each(query, hr, r -> exported.add(r.id()));
		assertThat(exported).containsExactlyElementsOf(all.rows().stream().map(PeopleSearch.Row::id).toList());
	}

	@Test
	void facets_selected_count_and_filter_the_same_as_sql() {
		var u = root.value().toString();
		same("", Map.of("unit", a.value().toString()), 0, 20, false);
		same("", Map.of("unit", a1.value().toString(), "sex", "FEMALE"), 0, 20, false);
		same("", Map.of("unit", u, "province", province.toString()), 0, 20, false);
		same("", Map.of("unit", u, "province", province.toString(), "commune", commune.toString()), 0, 20, false);
		same("", Map.of("unit", u, "commune", commune.toString()), 0, 20, false); // commune without province: ignored
		same("", Map.of("unit", u, "hometown", province.toString()), 0, 20, false);
		same("", Map.of("unit", u, "degree", "THAC_SI"), 0, 20, false);
		same("", Map.of("unit", u, "field", "62", "age", "41_50"), 0, 20, false);
		same("", Map.of("unit", u, "age", "UNDER_30"), 0, 20, false);
		same("", Map.of("unit", u, "category", "CIVIL_SERVANT", "talent", "false"), 0, 20, false);
		same("", Map.of("unit", u, "party", "true"), 0, 20, false);
		same("", Map.of("unit", u, "ethnicGroup", "15", "title", "PGS"), 0, 20, false);
		same("", Map.of("unit", u, "sex", "NEITHER", "age", "OLD", "unitx", "1"), 0, 20, false); // invalid: ignored
		same("", Map.of("unit", "not-a-uuid"), 0, 20, false);
		same("Thị", Map.of("unit", u, "sex", "FEMALE", "degree", "DAI_HOC"), 1, 10, false);
	}

	@Test
	void expert_queries_rank_the_same_as_sql() {
		var u = root.value().toString();
		for (var q : List.of("cà phê", "trồng cà phê", "năng lượng sạch", "giáo dục dân tộc thiểu số", "nang luong",
				"dược liệu", "nghiên cứu giải pháp", "phát triển cà phê", "xây dựng mô hình du lịch", "đất", "robusta",
				"sức khỏe", "y tế cộng đồng", "!!!")) {
			same(q, Map.of("unit", u), 0, 20, true);
			same(q, Map.of(), 0, 20, true);
		}
		same("cà phê", Map.of("unit", u), 2, 15, true);
		same("lâm nghiệp", Map.of("unit", u, "sex", "MALE"), 0, 20, true);
	}

	/**
	 * The population is loaded after the index: its people lie beyond the name order of the index's full load (and
	 * are merged with those of the rest of the database there). After a full load they lie within it. Among them, 52
	 * with the words of "zeta omega" in four ways, their names interleaved: both fields of study (scoring 20), one a
	 * field and one a work title (12), both keywords (10), both work titles (4) — pages of each way of ranking.
	 */
	@Test
	void after_a_full_load_names_and_experts_the_same_as_sql() {
		var u = root.value().toString();
		var ids = jdbc.sql("select id from registry.person where current_org_unit = :u order by id limit 52")
			.param("u", a1.value()).query(UUID.class).list();
		assertThat(ids).hasSize(52);
		var expertise = List.of("setweight(to_tsvector('simple', 'zeta alpha omega'), 'A')",
				"setweight(to_tsvector('simple', 'omega beta zeta'), 'B')",
				"setweight(to_tsvector('simple', 'zeta alpha'), 'A') || setweight(to_tsvector('simple', 'beta omega'), 'C')",
				"setweight(to_tsvector('simple', 'zeta gamma omega'), 'C')");
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("update registry.person set expertise = " + expertise.get(i % 4) + " where id = :id").param("id", ids.get(i))
				.update();
		}
		index.refresh(ids);
		for (int load = 0; load < 2; load++) {
			for (int size : List.of(10, 20, 30)) {
				same("zeta omega", Map.of("unit", u), 0, size, true);
			}
			same("zeta omega", Map.of("unit", u), 1, 20, true);
			same("zeta omega", Map.of(), 2, 20, true);
			same("", Map.of("unit", u), 0, 20, false);
			same("", Map.of("unit", u), 4, 20, false);
			same("Thị", Map.of(), 0, 20, false);
			same("", Map.of(), 0, 20, false);
			for (var q : List.of("trồng cà phê", "giáo dục dân tộc thiểu số", "dược liệu", "đất")) {
				same(q, Map.of("unit", u), 0, 20, true);
				same(q, Map.of("unit", u), 3, 10, true);
				same(q, Map.of(), 0, 20, true);
			}
			index.reload();
		}
	}

	/**
	 * Every order both ways, for every caller (a leader's birth order is by year), on the whole registry, the
	 * population, a name query (with typos: the order asked for replaces the exact matches first), facets and pages
	 * far down: first with the population added after the index's full load (ordered by heap), after a full load
	 * (walked in the presorted orders), then with 40 of them changed since — their birth, or their unit, unknown:
	 * walked and merged with those added since — and after another full load (the unknown within the presorted
	 * orders). Then a sorted page of the whole registry timed, in the index and in SQL.
	 */
	@Test
	void sorted_lists_the_same_as_sql() {
		var u = Map.of("unit", root.value().toString());
		int before = compared;
		Runnable compare = () -> {
			for (var key : Sort.Key.values()) {
				for (boolean descending : List.of(false, true)) {
					var sort = new Sort(key, descending);
					same("", Map.of(), 0, 20, false, sort);
					same("", Map.of(), 3, 20, false, sort);
					same("", u, 0, 20, false, sort);
					same("", u, 8, 20, false, sort);
					same("", u, 59, 20, false, sort);
					same("", Map.of("unit", a.value().toString(), "sex", "FEMALE"), 1, 15, false, sort);
					same("Thị", u, 0, 20, false, sort);
					same("huong", Map.of(), 0, 10, false, sort);
				}
			}
		};
		compare.run();
		index.reload();
		compare.run();
		var ids = jdbc.sql("select id from registry.person where current_org_unit = any(:u) order by id limit 40")
			.param("u", new UUID[] { a.value(), b.value(), a1.value() }).query(UUID.class).list();
		jdbc.sql("update registry.person set birth_date = null, birth_year = null where id = any(:ids)")
			.param("ids", ids.subList(0, 20).toArray(UUID[]::new)).update();
		jdbc.sql("update registry.person set current_org_unit = null where id = any(:ids)")
			.param("ids", ids.subList(20, 40).toArray(UUID[]::new)).update();
		index.refresh(ids);
		compare.run();
		index.reload();
		compare.run();
		assertThat(compared - before).as("every sorted page compared for every caller").isEqualTo(4 * 6 * 8 * callers.size());

		var hr = RegistryFixtures.hr();
		for (var key : Sort.Key.values()) {
			var query = new PeopleSearch.Query("", Map.of(), 10, 20, false, new Sort(key, true));
			long people = search.indexed(query, hr).total();
			var indexed = time(() -> search.indexed(query, hr));
			var sql = time(() -> search.sqlSearch(query, hr));
			System.out.printf("sorted search over the whole registry (%d people, %s, page 11 of 20 with every facet count):"
					+ " index %.2f ms, SQL %.2f ms (median of 50)%n", people, new Sort(key, true).parameter(), indexed, sql);
		}
	}

	/** The median of 50 runs after 20 to warm up, in ms. */
	private static double time(Runnable run) {
		var ms = new ArrayList<Double>();
		for (int i = 0; i < 70; i++) {
			long start = System.nanoTime();
			run.run();
			if (i >= 20) {
				ms.add((System.nanoTime() - start) / 1e6);
			}
		}
		java.util.Collections.sort(ms);
		return ms.get(ms.size() / 2);
	}

	@Test
	void national_ids_and_an_intellectuals_own_scope_stay_on_sql() {
		var hr = RegistryFixtures.hr();
		assertThat(search.indexQuery(new PeopleSearch.Query("068123456789", Map.of(), 0, 20), hr)).isNull();
		assertThat(search.indexQuery(new PeopleSearch.Query("123456789", Map.of(), 0, 20), hr)).isNull();
		assertThat(search.indexQuery(new PeopleSearch.Query("an", Map.of(), 0, 20),
				new Caller("someone", Set.of(Role.INTELLECTUAL)))).isNull();
	}

	@Test
	void export_order_equals_the_search_order() {
		var query = new PeopleSearch.Query("", Map.of("unit", root.value().toString()), 0, 200);
		var exported = new ArrayList<UUID>();
		search.each(query, RegistryFixtures.hr(), r -> exported.add(r.id()));
		var sql = search.sqlSearch(query, RegistryFixtures.hr());
		var sqlOrder = sql.rows().stream().map(PeopleSearch.Row::id).toList();
		assertThat(exported).hasSize((int) sql.total()).hasSizeGreaterThan(1_000).startsWith(sqlOrder.toArray(UUID[]::new));
		var experts = new PeopleSearch.Query("cà phê", Map.of("unit", root.value().toString()), 0, 200, true);
		var exportedExperts = new ArrayList<UUID>();
		search.each(experts, RegistryFixtures.hr(), r -> exportedExperts.add(r.id()));
		assertThat(exportedExperts).startsWith(
				search.sqlSearch(experts, RegistryFixtures.hr()).rows().stream().map(PeopleSearch.Row::id).toArray(UUID[]::new));
	}
}
