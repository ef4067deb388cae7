package vn.trithuc.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.orgunit.OrgUnitEvents;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.registry.Sex;
import vn.trithuc.shared.VietnameseText;

/**
 * Search over the registry (issue 6): name tokens folded (diacritics, tone placement, đ = d, NFD input), every
 * query token must match a name token; tokens of 4 letters or more also match name tokens one edit away
 * (levenshtein, candidates looked up in {@code registry.name_token}), shorter ones only exactly; 12 digits
 * search the national ID, 9 digits the old ID, exactly. Facet counts over the same filtered set, sorted in
 * Vietnamese order by given, middle and family name — the people who have every query token itself (no typo) first,
 * then those matched through a typo, each in that order — unless another order is asked for ({@link Sort}); always
 * within the caller's {@link RegistryScope}.
 * <p>
 * Facets (unit subtree, province and commune of residence, province of the hometown, highest degree, field of study,
 * academic title, age band, sex, ethnic group, personnel category, party member — only for callers who may see it —
 * and talent flag) count within the other selected facets: a selected facet's own counts ignore its own selection,
 * so its other values stay visible. In expert mode ({@link Query#experts()}) the text is matched against the
 * expertise document ({@link SearchDocument}) and results are ranked field &gt; keyword &gt; work title.
 */
@Service
@Transactional(readOnly = true)
public class PeopleSearch {

	private static final Pattern DIGITS_12 = Pattern.compile("[0-9]{12}");
	private static final Pattern DIGITS_9 = Pattern.compile("[0-9]{9}");
	public static final List<String> AGE_BANDS = List.of("UNDER_30", "30_40", "41_50", "51_60", "OVER_60");
	/** Facets, in the order the page shows them; each is also a filter parameter of the same name. */
	public static final List<String> FACETS = List.of("unit", "province", "commune", "hometown", "degree", "field", "title",
			"age", "sex", "ethnicGroup", "category", "party", "talent");

	private final JdbcClient jdbc;
	private final RegistryScope scope;
	private final ProfileVisibility visibility;
	private final Clock clock;
	private final OrgUnits units;
	private final RegistryCodes codes;

	private final SearchIndex index;
	/** The SQL search's own transaction when {@link #search} falls back to it ({@code set local} needs one). */
	private final org.springframework.transaction.support.TransactionTemplate readOnly;

	PeopleSearch(JdbcClient jdbc, RegistryScope scope, ProfileVisibility visibility, Clock clock, OrgUnits units,
			RegistryCodes codes, SearchIndex index, org.springframework.transaction.PlatformTransactionManager transactions) {
		this.index = index;
		this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.jdbc = jdbc;
		this.scope = scope;
		this.visibility = visibility;
		this.clock = clock;
		this.units = units;
		this.codes = codes;
	}

	/**
	 * An order a list of people may be asked for, each ascending or reversed, people of one key by name: by name
	 * (given, middle, family name in Vietnamese order); by birth, oldest first (a birth year alone counts as that
	 * year, before its dates; a caller who sees birth years only gets the years, then names); by unit, its name in
	 * Vietnamese order. An unknown birth or unit comes last either way. As a parameter: {@code sort=birth},
	 * {@code sort=birth,desc}.
	 */
	public record Sort(Key key, boolean descending) {

		public enum Key {
			NAME, BIRTH, UNIT
		}

		/** The sort a parameter names; null for none, or one that names no sort (the default order then). */
		public static @Nullable Sort parse(@Nullable String parameter) {
			if (parameter == null) {
				return null;
			}
			var parts = parameter.strip().split(",", -1);
			if (parts.length > 2 || (parts.length == 2 && !Set.of("asc", "desc").contains(parts[1].strip()))) {
				return null;
			}
			for (var key : Key.values()) {
				if (key.name().equalsIgnoreCase(parts[0].strip())) {
					return new Sort(key, parts.length == 2 && parts[1].strip().equals("desc"));
				}
			}
			return null;
		}

		/** This sort as a parameter value: "birth" or "birth,desc". */
		public String parameter() {
			return key.name().toLowerCase(java.util.Locale.ROOT) + (descending ? ",desc" : "");
		}
	}

	/**
	 * @param filters facet name → selected value (see {@link #FACETS})
	 * @param experts match the text against expertise (fields, keywords, works) instead of names
	 * @param sort the order asked for; null: by name, a name query's exact matches first (experts: best match first,
	 * always)
	 */
	public record Query(String text, Map<String, String> filters, int page, int size, boolean experts,
			@Nullable Sort sort) {
		public Query {
			text = text == null ? "" : VietnameseText.nfc(text);
			filters = Map.copyOf(filters);
			page = Math.max(0, page);
			size = Math.min(Math.max(1, size), 200);
			sort = experts ? null : sort;
		}

		public Query(String text, Map<String, String> filters, int page, int size, boolean experts) {
			this(text, filters, page, size, experts, null);
		}

		public Query(String text, Map<String, String> filters, int page, int size) {
			this(text, filters, page, size, false);
		}
	}

	public record Row(UUID id, String familyName, String middleName, String givenName, Sex sex,
			@Nullable LocalDate birthDate, @Nullable Integer birthYear, @Nullable String ethnicGroup,
			@Nullable String nationalId, @Nullable String highestDegree, @Nullable String personnelCategory,
			@Nullable Boolean partyMember, boolean talent, @Nullable String phone, @Nullable String email,
			@Nullable UUID currentOrgUnit, @Nullable String academicTitle, List<String> fields) {

		public String fullName() {
			return middleName.isEmpty() ? familyName + " " + givenName : familyName + " " + middleName + " " + givenName;
		}

		/** This row with the national ID masked (all but its last four digits), as a list for a meeting shows it. */
		public Row withMaskedNationalId() {
			return nationalId == null ? this : new Row(id, familyName, middleName, givenName, sex, birthDate, birthYear,
					ethnicGroup, ProfileVisibility.mask(nationalId), highestDegree, personnelCategory, partyMember, talent,
					phone, email, currentOrgUnit, academicTitle, fields);
		}
	}

	/** @param label the name to show for codes and units (null: the page names the value from its messages) */
	public record FacetValue(String value, long count, @Nullable String label) {
		public FacetValue(String value, long count) {
			this(value, count, null);
		}
	}

	public record Result(List<Row> rows, long total, int page, int size, Map<String, List<FacetValue>> facets) {
		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/** Through the {@link SearchIndex} when it is loaded and can express the query, else in SQL. */
	@Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public Result search(Query query, Caller caller) {
		// the index's answer needs two reads (the caller's scope, the page's rows), each on its own: no transaction,
		// whose commit was one more round trip to PostgreSQL per search
		var indexed = indexed(query, caller);
		return indexed != null ? indexed : readOnly.execute(status -> sqlSearch(query, caller));
	}

	/** What the index is asked, and the facets selected; {@code none}: nothing can match. */
	record IndexQuery(SearchIndex.@Nullable Criteria criteria, Set<String> selected, Optional<UUID> scopeRoot) {
	}

	/**
	 * The query in the index's terms; null when the index cannot answer it (not loaded yet, a national or old ID, a
	 * scope the index cannot express such as an intellectual's own profile).
	 */
	@Nullable
	IndexQuery indexQuery(Query query, Caller caller) {
		if (!index.ready() || identifier(query)) {
			return null;
		}
		var reach = scope.reach(caller);
		if (reach.kind() == RegistryScope.Reach.Kind.OTHER) {
			return null;
		}
		var text = query.text().strip();
		var none = new IndexQuery(null, Set.of(), Optional.empty());
		if (reach.kind() == RegistryScope.Reach.Kind.NONE) {
			return none;
		}
		var exact = new ArrayList<String>();
		var fuzzyTokens = new ArrayList<String>();
		var fuzzy = new ArrayList<List<String>>();
		List<String> expert = List.of();
		if (query.experts()) {
			expert = SearchDocument.words(text);
			if (expert.isEmpty()) {
				return none;
			}
		}
		else if (!text.isEmpty()) {
			for (var token : NameTokens.query(text)) {
				if (!NameTokens.fuzzy(token)) {
					exact.add(token);
					continue;
				}
				var candidates = index.candidates(token);
				if (candidates.isEmpty()) {
					return none;
				}
				fuzzyTokens.add(token);
				fuzzy.add(candidates);
			}
		}
		var selections = new LinkedHashMap<String, Set<String>>();
		var f = query.filters();
		var unit = uuid(f.get("unit"));
		if (unit != null) {
			var subtree = new java.util.HashSet<String>();
			units.scopeAsOf(new OrgUnitId(unit), LocalDate.now(clock)).forEach(u -> subtree.add(u.value().toString()));
			selections.put("unit", subtree);
		}
		for (var name : List.of("province", "commune", "hometown")) {
			var id = uuid(f.get(name));
			if (id != null && (!name.equals("commune") || selections.containsKey("province"))) {
				selections.put(name, Set.of(id.toString()));
			}
		}
		select(f, "sex", v -> Set.of("MALE", "FEMALE").contains(v), selections);
		select(f, "ethnicGroup", v -> v.length() <= 20, selections);
		select(f, "degree", v -> v.length() <= 30, selections);
		select(f, "title", v -> v.length() <= 30, selections);
		select(f, "category", v -> v.length() <= 30, selections);
		select(f, "field", v -> v.length() <= 30, selections);
		boolean party = visibility.seesPartyMembership(caller, false);
		if (party) {
			select(f, "party", v -> v.equals("true") || v.equals("false"), selections);
		}
		select(f, "talent", v -> v.equals("true") || v.equals("false"), selections);
		select(f, "age", AGE_BANDS::contains, selections);
		var counted = new java.util.LinkedHashSet<String>();
		for (var facet : FACETS) {
			if ((facet.equals("commune") && !selections.containsKey("province")) || (facet.equals("party") && !party)) {
				continue;
			}
			counted.add(facet);
		}
		var sort = query.sort();
		var criteria = new SearchIndex.Criteria(exact, fuzzyTokens, fuzzy, expert, reach.units(), selections, counted,
				LocalDate.now(clock).getYear(), sort, !visibility.seesBirthDate(caller, false),
				sort != null && sort.key() == Sort.Key.UNIT ? unitsByName(index.units()) : List.of());
		// the root of the caller's unit scope, for the unit facet (read once per search, with the reach)
		return new IndexQuery(criteria, selections.keySet(),
				Optional.ofNullable(reach.kind() == RegistryScope.Reach.Kind.UNITS ? reach.root() : null));
	}

	private static void select(Map<String, String> filters, String name, java.util.function.Predicate<String> valid,
			Map<String, Set<String>> selections) {
		var value = filters.get(name);
		if (value != null && !value.isBlank() && valid.test(value)) {
			selections.put(name, Set.of(value));
		}
	}

	/**
	 * Whether the query looks a person up by a national ID (12 digits) or an old ID (9 digits) the caller sees masked.
	 * Such a search finds nobody: finding the person would confirm the number, and the masked ID shows its last four
	 * digits, the birth year two more — a few thousand guesses would recover it.
	 */
	public boolean identifierHidden(Query query, Caller caller) {
		return identifier(query) && !visibility.seesNationalId(caller, false);
	}

	private static boolean identifier(Query query) {
		var text = query.text().strip();
		return !query.experts() && (DIGITS_12.matcher(text).matches() || DIGITS_9.matcher(text).matches());
	}

	/** The search through the index; null when it cannot answer. */
	@Nullable
	Result indexed(Query query, Caller caller) {
		var q = indexQuery(query, caller);
		if (q == null) {
			return null;
		}
		if (q.criteria() == null) {
			return new Result(List.of(), 0, query.page(), query.size(), Map.of());
		}
		var hits = index.search(q.criteria(), (long) query.page() * query.size(), query.size());
		if (hits == null) {
			return null;
		}
		var counts = new LinkedHashMap<String, List<FacetValue>>();
		hits.counts().forEach((facet, values) -> values.forEach((value, n) -> add(counts, facet, value, n)));
		var rows = rows(hits.ids(), caller);
		if (hits.total() == 0) {
			return new Result(rows, 0, query.page(), query.size(), Map.of());
		}
		var facets = facetValues(counts, query, q.selected(), q.scopeRoot());
		facets.remove("total");
		return new Result(rows, hits.total(), query.page(), query.size(), facets);
	}

	/** The rows of these people, read by id and kept in the order given. */
	private List<Row> rows(List<UUID> ids, Caller caller) {
		var rows = new ArrayList<Row>();
		if (ids.isEmpty()) {
			return rows;
		}
		var byId = new HashMap<UUID, Row>();
		jdbc.sql("select p.* from registry.person p where p.id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
			.query((RowCallbackHandler) rs -> {
				var row = row(rs, caller);
				byId.put(row.id(), row);
			});
		ids.forEach(id -> {
			var row = byId.get(id);
			if (row != null) {
				rows.add(row);
			}
		});
		return rows;
	}

	/** The search in SQL only (the fallback, and the reference the index is tested against and benchmarked with). */
	public Result sqlSearch(Query query, Caller caller) {
		var filters = filters(query, caller);
		if (filters == null) {
			return new Result(List.of(), 0, query.page(), query.size(), Map.of());
		}
		if (filters.base().size() > BASE_WITHOUT_TEXT) {
			return onePass(filters, query, caller);
		}
		var all = filters.all();
		var facets = facets(filters, query, caller);
		long total = facets.remove("total").stream().mapToLong(FacetValue::count).sum();
		var rows = new ArrayList<Row>();
		var order = ordering(query, filters, caller, false);
		jdbc.sql("select p.* from registry.person p" + order.join() + " where " + all.sql() + order.by()
				+ " limit :limit offset :offset")
			.params(all.parameters()).params(order.parameters()).param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((RowCallbackHandler) rs -> rows.add(row(rs, caller)));
		return new Result(rows, total, query.page(), query.size(), facets);
	}

	/** The conditions every query has (not merged, the caller's scope); a text query adds its own. */
	private static final int BASE_WITHOUT_TEXT = 2;

	/** The columns facets and the order read: what the one-pass search keeps of each matched person. */
	private static final String MATCHED_COLUMNS = "p.id, p.given_name, p.middle_name, p.family_name, p.current_org_unit,"
			+ " p.residence_province, p.residence, p.hometown_province, p.highest_degree, p.academic_title, p.birth_year,"
			+ " p.birth_date, p.sex, p.ethnic_group, p.personnel_category, p.party_member, p.talent, p.fields";

	/**
	 * A text query (names, national ID, expertise) in one statement: the people the text matches within the scope
	 * are read once (one index lookup, one visit of their rows) into a materialised set of the columns facets and
	 * the order need; every facet count, the total and the page's ids are taken from that set. The rows of the page
	 * are then read by id. Same counts as {@link #facets} takes over the table (SearchFacetsTest checks them against SQL).
	 */
	private Result onePass(Filters filters, Query query, Caller caller) {
		var parameters = new HashMap<String, Object>();
		var baseSql = new ArrayList<String>();
		for (var w : filters.base()) {
			baseSql.add(w.sql());
			parameters.putAll(w.parameters());
		}
		filters.facets().values().forEach(w -> parameters.putAll(w.parameters()));
		var matched = new StringBuilder("with p as materialized (select ").append(MATCHED_COLUMNS);
		if (query.experts()) {
			var rank = expertRank(query.text());
			parameters.putAll(rank.parameters());
			matched.append(", ").append(rank.sql()).append(" as rank");
		}
		if (filters.exactFirst() != null) {
			parameters.putAll(filters.exactFirst().parameters());
			matched.append(", ").append(filters.exactFirst().sql()).append(" as exact_first");
		}
		matched.append(" from registry.person p where ").append(String.join(" and ", baseSql)).append(")");
		var expressions = expressions(filters, caller);
		var parts = new ArrayList<String>();
		// facets not selected, and the total, within every selected facet
		var kind = new StringBuilder("case");
		var sets = new ArrayList<String>();
		var values = new ArrayList<String>();
		expressions.forEach((facet, sql) -> {
			if (!filters.facets().containsKey(facet)) {
				kind.append(" when grouping(").append(sql).append(") = 0 then '").append(facet).append("'");
				sets.add("(" + sql + ")");
				values.add("(" + sql + ")");
			}
		});
		kind.append(" else 'total' end");
		sets.add("()");
		parts.add("select " + kind + " as facet, " + (values.isEmpty() ? "null" : "coalesce(" + String.join(", ", values) + ")")
				+ " as value, count(*) as n, null::uuid as id, null::bigint as position from p where "
				+ facetWhere(filters, null) + " group by grouping sets (" + String.join(", ", sets) + ")");
		// each selected facet within the others
		for (var facet : filters.facets().keySet()) {
			var sql = expressions.get(facet);
			if (sql != null) {
				parts.add("select '" + facet + "', " + sql + ", count(*), null::uuid, null::bigint from p where "
						+ facetWhere(filters, facet) + " group by 2");
			}
		}
		parts.add("select 'field', f, count(*), null::uuid, null::bigint from p cross join unnest(p.fields) f where "
				+ facetWhere(filters, "field") + " group by f");
		var order = ordering(query, filters, caller, true);
		parameters.putAll(order.parameters());
		parts.add("select 'row', null, null, page.id, row_number() over () from (select p.id from p" + order.join()
				+ " where " + facetWhere(filters, null) + order.by() + " limit :limit offset :offset) page");
		var counts = new LinkedHashMap<String, List<FacetValue>>();
		var page = new java.util.TreeMap<Long, UUID>();
		// within this read-only transaction only (the class is @Transactional)
		jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
		jdbc.sql(matched + "\n" + String.join("\nunion all\n", parts)).params(parameters)
			.param("limit", query.size()).param("offset", (long) query.page() * query.size())
			.query((RowCallbackHandler) rs -> {
				var facet = rs.getString("facet");
				if (facet.equals("row")) {
					page.put(rs.getLong("position"), rs.getObject("id", UUID.class));
				}
				else {
					add(counts, facet, facet.equals("total") ? "total" : rs.getString("value"), rs.getLong("n"));
				}
			});
		var rows = rows(new ArrayList<>(page.values()), caller);
		var facets = facetValues(counts, query, filters.facets().keySet(), scope.scopeRootOf(caller));
		long total = facets.remove("total").stream().mapToLong(FacetValue::count).sum();
		return new Result(rows, total, query.page(), query.size(), facets);
	}

	/** work_mem of a one-pass search: the matched set (≈ 250 bytes a person) and its aggregates stay in memory. */
	private static final String WORK_MEM = "64MB";

	/** The conditions of the selected facets but {@code except} ("true" when none). */
	private static String facetWhere(Filters filters, @Nullable String except) {
		var sql = new ArrayList<String>();
		filters.facets().forEach((name, w) -> {
			if (!name.equals(except)) {
				sql.add(w.sql());
			}
		});
		return sql.isEmpty() ? "true" : String.join(" and ", sql);
	}

	/** Streams every matching row in order (for export), masked for the caller. */
	public void each(Query query, Caller caller, Consumer<Row> consumer) {
		var q = indexQuery(query, caller);
		if (q != null) {
			if (q.criteria() == null) {
				return;
			}
			var ids = index.ordered(q.criteria());
			if (ids != null) {
				for (int i = 0; i < ids.size(); i += 500) {
					rows(ids.subList(i, Math.min(ids.size(), i + 500)), caller).forEach(consumer);
				}
				return;
			}
		}
		var filters = filters(query, caller);
		if (filters == null) {
			return;
		}
		var all = filters.all();
		var order = ordering(query, filters, caller, false);
		jdbc.sql("select p.* from registry.person p" + order.join() + " where " + all.sql() + order.by())
			.params(all.parameters()).params(order.parameters()).withFetchSize(500)
			.query((RowCallbackHandler) rs -> consumer.accept(row(rs, caller)));
	}

	/** Names in Vietnamese order (given, middle, family; or reversed), then the id: the order of lists and of ties. */
	private static String names(boolean descending) {
		var direction = descending ? " desc" : "";
		return "p.given_name collate \"vi-x-icu\"" + direction + ", p.middle_name collate \"vi-x-icu\"" + direction
				+ ", p.family_name collate \"vi-x-icu\"" + direction + ", p.id";
	}

	private static final String NAMES = names(false);

	/** The order of a SQL search over {@code p} ({@code by}), what it joins to {@code p} and the parameters it adds. */
	record Ordering(String join, String by, Map<String, Object> parameters) {
	}

	/**
	 * The order of a query: the sort asked for (ties by name); else an expert's rank, or the exact matches of a name
	 * query first; then the name order. By unit: the units the query matches, ranked by name ({@link #unitsByName}).
	 *
	 * @param onePass {@code p} is the one-pass search's matched set, whose columns hold the rank and exact match
	 */
	private Ordering ordering(Query query, Filters filters, Caller caller, boolean onePass) {
		var sort = query.sort();
		if (sort == null) {
			if (query.experts()) {
				var rank = onePass ? "p.rank" : expertRank(query.text()).sql();
				return new Ordering("", " order by " + rank + " desc, " + NAMES, Map.of());
			}
			if (filters.exactFirst() != null) {
				var exact = onePass ? "p.exact_first" : filters.exactFirst().sql();
				return new Ordering("", " order by " + exact + " desc, " + NAMES, filters.exactFirst().parameters());
			}
			return new Ordering("", " order by " + NAMES, Map.of());
		}
		var direction = sort.descending() ? " desc" : "";
		return switch (sort.key()) {
			case NAME -> new Ordering("", " order by " + names(sort.descending()), Map.of());
			// a year alone before the dates of that year (after them reversed), as SearchIndex.birthKey
			case BIRTH -> new Ordering("", " order by p.birth_year" + direction + " nulls last, "
					+ (visibility.seesBirthDate(caller, false)
							? "p.birth_date" + direction + (sort.descending() ? " nulls last, " : " nulls first, ")
							: "")
					+ NAMES, Map.of());
			case UNIT -> {
				var all = filters.all();
				var units = jdbc.sql("select distinct p.current_org_unit from registry.person p where " + all.sql()
						+ " and p.current_org_unit is not null").params(all.parameters()).query(UUID.class).list();
				yield new Ordering(" left join unnest(cast(:unitOrder as uuid[])) with ordinality as unit_order(unit, rank)"
						+ " on unit_order.unit = p.current_org_unit",
						" order by unit_order.rank" + direction + " nulls last, " + NAMES,
						Map.of("unitOrder", unitsByName(units).toArray(UUID[]::new)));
			}
		};
	}

	/**
	 * These units in the order of a list sorted by unit: by name (the latest, as lists show it) in PostgreSQL's
	 * {@code "vi-x-icu"} order, that of people's names, then by id; a unit the tree does not know, by its id. The ranks
	 * are kept with what the unit facet reads of the tree ({@link #tree}): for at most a minute, and dropped as soon as
	 * the tree changes on this instance.
	 */
	List<UUID> unitsByName(java.util.Collection<UUID> units) {
		var today = LocalDate.now(clock);
		Map<UUID, Integer> ranks = tree("unit ranks", null, today, () -> rankByName(units));
		if (!ranks.keySet().containsAll(units)) {
			var all = new java.util.HashSet<>(ranks.keySet());
			all.addAll(units);
			ranks = rankByName(all);
			tree.put(new TreeKey("unit ranks", null, today), ranks);
		}
		var order = ranks;
		return units.stream().sorted(Comparator.comparing(order::get)).toList();
	}

	private Map<UUID, Integer> rankByName(java.util.Collection<UUID> units) {
		var names = new HashMap<UUID, String>();
		this.units.find(units.stream().map(OrgUnitId::new).toList()).forEach(u -> names.put(u.id().value(), u.name()));
		var ids = units.toArray(UUID[]::new);
		var rank = new HashMap<UUID, Integer>();
		jdbc.sql("select id from unnest(cast(:ids as uuid[]), cast(:names as text[])) as u(id, name)"
				+ " order by name collate \"vi-x-icu\", id")
			.param("ids", ids)
			.param("names", java.util.Arrays.stream(ids).map(id -> names.getOrDefault(id, id.toString())).toArray(String[]::new))
			.query((RowCallbackHandler) rs -> rank.put(rs.getObject(1, UUID.class), rank.size()));
		return rank;
	}

	/**
	 * The rank of an expert (the same as {@link SearchIndex}'s): first the best weight class in which every pair of
	 * adjacent query words stands adjacent in one text (A fields of study 3, B keywords 2, C work titles 1; none or a
	 * one-word query 0), times 2^20; plus, for each distinct query word, the score of the best class it occurs in
	 * (A 10, B 5, C 2).
	 */
	static Where expertRank(String text) {
		var sequence = SearchDocument.words(text);
		var distinct = new ArrayList<>(new java.util.LinkedHashSet<>(sequence));
		var params = new HashMap<String, Object>();
		var sql = new StringBuilder("(");
		var classes = "ABC";
		if (sequence.size() >= 2) {
			sql.append("case");
			for (int c = 0; c < 3; c++) {
				char w = classes.charAt(c);
				var pairs = new ArrayList<String>();
				for (int i = 0; i + 1 < sequence.size(); i++) {
					pairs.add("('" + sequence.get(i) + "':" + w + " <-> '" + sequence.get(i + 1) + "':" + w + ")");
				}
				params.put("rankPhrase" + w, String.join(" & ", pairs));
				sql.append(" when p.expertise @@ cast(:rankPhrase").append(w).append(" as tsquery) then ")
					.append((3 - c) << 20);
			}
			sql.append(" else 0 end + ");
		}
		for (int j = 0; j < distinct.size(); j++) {
			sql.append("(case");
			for (int c = 0; c < 3; c++) {
				char w = classes.charAt(c);
				params.put("rankWord" + j + w, "'" + distinct.get(j) + "':" + w);
				sql.append(" when p.expertise @@ cast(:rankWord").append(j).append(w).append(" as tsquery) then ")
					.append(SearchIndex.CLASS_SCORE[c]);
			}
			sql.append(" else 0 end) + ");
		}
		return new Where(sql.append("0)").toString(), params);
	}

	private Row row(java.sql.ResultSet rs, Caller caller) throws java.sql.SQLException {
		boolean own = caller.username().equals(rs.getString("user_account"));
		var fields = rs.getArray("fields");
		return new Row(rs.getObject("id", UUID.class), rs.getString("family_name"), rs.getString("middle_name"),
				rs.getString("given_name"), Sex.valueOf(rs.getString("sex")),
				visibility.seesBirthDate(caller, own) ? rs.getObject("birth_date", LocalDate.class) : null,
				(Integer) rs.getObject("birth_year"), rs.getString("ethnic_group"),
				visibility.nationalId(rs.getString("national_id"), caller, own), rs.getString("highest_degree"),
				rs.getString("personnel_category"),
				visibility.seesPartyMembership(caller, own) ? rs.getBoolean("party_member") : null, rs.getBoolean("talent"),
				rs.getString("phone"), rs.getString("email"), rs.getObject("current_org_unit", UUID.class),
				rs.getString("academic_title"), fields == null ? List.of() : List.of((String[]) fields.getArray()));
	}

	record Where(String sql, Map<String, Object> parameters) {
	}

	/**
	 * The conditions of a query: those of the text and scope, and one per selected facet.
	 *
	 * @param exactFirst a name query with a typo-tolerant token that has candidates other than itself: whether a
	 * person has every query token itself (true first; null: every match is exact)
	 */
	record Filters(List<Where> base, Map<String, Where> facets, @Nullable Where exactFirst) {

		Where all() {
			return except(null);
		}

		/** Every condition but that of {@code facet}: what the counts of a selected facet are taken over. */
		Where except(@Nullable String facet) {
			var sql = new ArrayList<String>();
			var params = new HashMap<String, Object>();
			for (var w : base) {
				sql.add(w.sql());
				params.putAll(w.parameters());
			}
			facets.forEach((name, w) -> {
				if (!name.equals(facet)) {
					sql.add(w.sql());
					params.putAll(w.parameters());
				}
			});
			return new Where(String.join(" and ", sql), params);
		}
	}

	/** @return the SQL condition of all filters (for tests and benchmarks); null when nothing can match */
	@Nullable
	Where where(Query query, Caller caller) {
		var filters = filters(query, caller);
		return filters == null ? null : filters.all();
	}

	/** @return null when nothing can match (a fuzzy token with no candidate, an expert query without words) */
	@Nullable
	Filters filters(Query query, Caller caller) {
		if (identifierHidden(query, caller)) {
			return null;
		}
		var base = new ArrayList<Where>();
		base.add(new Where("p.merged_into is null", Map.of()));
		var filter = scope.filter(caller);
		base.add(new Where("(" + filter.sql() + ")", filter.parameters()));
		var text = query.text().strip();
		Where exactFirst = null;
		if (query.experts()) {
			var all = SearchDocument.allWords(text);
			if (all.isEmpty()) {
				return null;
			}
			var params = new HashMap<String, Object>(expertRank(text).parameters());
			params.put("expertAll", all);
			base.add(new Where("p.expertise @@ cast(:expertAll as tsquery)", params));
		}
		else if (DIGITS_12.matcher(text).matches()) {
			base.add(new Where("p.national_id = :nationalId", Map.of("nationalId", text)));
		}
		else if (DIGITS_9.matcher(text).matches()) {
			base.add(new Where("p.old_id = :oldId", Map.of("oldId", text)));
		}
		else if (!text.isEmpty()) {
			var tokens = NameTokens.query(text);
			var exact = new ArrayList<String>();
			boolean typos = false;
			int i = 0;
			for (var token : tokens) {
				if (!NameTokens.fuzzy(token)) {
					exact.add(token);
					continue;
				}
				var candidates = candidates(token);
				if (candidates.isEmpty()) {
					return null;
				}
				typos |= candidates.size() != 1 || !candidates.get(0).equals(token);
				base.add(new Where("p.name_tokens && cast(:fuzzy" + i + " as text[])",
						Map.of("fuzzy" + i, candidates.toArray(String[]::new))));
				i++;
			}
			if (!exact.isEmpty()) {
				base.add(new Where("p.name_tokens @> cast(:exact as text[])", Map.of("exact", exact.toArray(String[]::new))));
			}
			if (typos) {
				exactFirst = new Where("(p.name_tokens @> cast(:exactFirst as text[]))",
						Map.of("exactFirst", tokens.toArray(String[]::new)));
			}
		}
		var facets = new LinkedHashMap<String, Where>();
		var f = query.filters();
		var unit = uuid(f.get("unit"));
		if (unit != null) {
			var subtree = units.scopeAsOf(new OrgUnitId(unit), LocalDate.now(clock)).stream()
				.map(u -> u.value().toString()).toArray(String[]::new);
			facets.put("unit", new Where("p.current_org_unit = any(cast(:fUnit as uuid[]))", Map.of("fUnit", subtree)));
		}
		uuidFilter(f, "province", "p.residence_province", facets);
		if (facets.containsKey("province")) {
			uuidFilter(f, "commune", "p.residence", facets);
		}
		uuidFilter(f, "hometown", "p.hometown_province", facets);
		filter(f, "sex", v -> Set.of("MALE", "FEMALE").contains(v), "p.sex = :fSex", "fSex", facets);
		filter(f, "ethnicGroup", v -> v.length() <= 20, "p.ethnic_group = :fEthnic", "fEthnic", facets);
		filter(f, "degree", v -> v.length() <= 30, "p.highest_degree = :fDegree", "fDegree", facets);
		filter(f, "title", v -> v.length() <= 30, "p.academic_title = :fTitle", "fTitle", facets);
		filter(f, "category", v -> v.length() <= 30, "p.personnel_category = :fCategory", "fCategory", facets);
		var field = f.get("field");
		if (field != null && !field.isBlank() && field.length() <= 30) {
			facets.put("field", new Where("p.fields @> cast(:fField as text[])", Map.of("fField", new String[] { field })));
		}
		if (visibility.seesPartyMembership(caller, false)) {
			filter(f, "party", v -> v.equals("true") || v.equals("false"), "p.party_member = cast(:fParty as boolean)",
					"fParty", facets);
		}
		filter(f, "talent", v -> v.equals("true") || v.equals("false"), "p.talent = cast(:fTalent as boolean)", "fTalent",
				facets);
		var age = f.get("age");
		if (age != null && AGE_BANDS.contains(age)) {
			facets.put("age", new Where(ageBand() + " = :fAge", Map.of("fAge", age)));
		}
		return new Filters(base, facets, exactFirst);
	}

	private static @Nullable UUID uuid(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static void uuidFilter(Map<String, String> filters, String name, String column, Map<String, Where> facets) {
		var id = uuid(filters.get(name));
		if (id != null) {
			facets.put(name, new Where(column + " = :f_" + name, Map.of("f_" + name, id)));
		}
	}

	/** The age band expression; the year is an integer literal so that GROUP BY sees one expression. */
	private String ageBand() {
		int year = LocalDate.now(clock).getYear();
		return """
				(case when p.birth_year is null then null
				  when %1$d - p.birth_year < 30 then 'UNDER_30' when %1$d - p.birth_year <= 40 then '30_40'
				  when %1$d - p.birth_year <= 50 then '41_50' when %1$d - p.birth_year <= 60 then '51_60'
				  else 'OVER_60' end)""".formatted(year);
	}

	private static void filter(Map<String, String> filters, String name, java.util.function.Predicate<String> valid,
			String sql, String param, Map<String, Where> facets) {
		var value = filters.get(name);
		if (value != null && !value.isBlank() && valid.test(value)) {
			facets.put(name, new Where(sql, Map.of(param, value)));
		}
	}

	/** Name tokens at most one edit away from {@code token}. */
	List<String> candidates(String token) {
		return jdbc.sql("""
				select token from registry.name_token
				where length(token) between :len - 1 and :len + 1 and public.levenshtein_less_equal(token, :t, 1) <= 1""")
			.param("len", token.length()).param("t", token).query(String.class).list();
	}

	/** facet → the SQL expression it groups by (text); party only for callers who may see it. */
	private Map<String, String> expressions(Filters filters, Caller caller) {
		var e = new LinkedHashMap<String, String>();
		e.put("unit", "p.current_org_unit::text");
		e.put("province", "p.residence_province::text");
		if (filters.facets().containsKey("province")) {
			e.put("commune", "p.residence::text");
		}
		e.put("hometown", "p.hometown_province::text");
		e.put("degree", "p.highest_degree");
		e.put("title", "p.academic_title");
		e.put("age", ageBand());
		e.put("sex", "p.sex");
		e.put("ethnicGroup", "p.ethnic_group");
		e.put("category", "p.personnel_category");
		if (visibility.seesPartyMembership(caller, false)) {
			e.put("party", "p.party_member::text");
		}
		e.put("talent", "p.talent::text");
		return e;
	}

	/**
	 * One scan (grouping sets) counts every facet that is not selected, within all filters, and the total; each
	 * selected facet is counted again without its own filter; fields of study (an array) are unnested apart.
	 */
	private Map<String, List<FacetValue>> facets(Filters filters, Query query, Caller caller) {
		var counts = new LinkedHashMap<String, List<FacetValue>>();
		var expressions = expressions(filters, caller);
		var unselected = new LinkedHashMap<String, String>();
		expressions.forEach((facet, sql) -> {
			if (!filters.facets().containsKey(facet)) {
				unselected.put(facet, sql);
			}
		});
		var all = filters.all();
		group(unselected, true, all, counts);
		for (var facet : filters.facets().keySet()) {
			var sql = expressions.get(facet);
			if (sql != null) {
				group(Map.of(facet, sql), false, filters.except(facet), counts);
			}
		}
		var fieldWhere = filters.facets().containsKey("field") ? filters.except("field") : all;
		jdbc.sql("select f, count(*) from registry.person p cross join unnest(p.fields) f where " + fieldWhere.sql()
				+ " group by f").params(fieldWhere.parameters())
			.query((RowCallbackHandler) rs -> add(counts, "field", rs.getString(1), rs.getLong(2)));
		return facetValues(counts, query, filters.facets().keySet(), scope.scopeRootOf(caller));
	}

	/** Raw counts by facet → the facets shown: units rolled up to the level shown, values named and sorted. */
	private Map<String, List<FacetValue>> facetValues(Map<String, List<FacetValue>> counts, Query query,
			Set<String> selected, Optional<UUID> scopeRoot) {
		var result = new LinkedHashMap<String, List<FacetValue>>();
		for (var facet : FACETS) {
			var values = counts.get(facet);
			if (facet.equals("unit")) {
				values = units(values == null ? List.of() : values, query, selected, scopeRoot);
			}
			if (values != null && !values.isEmpty()) {
				result.put(facet, labelled(facet, values, adminUnitNames(facet, values, query)));
			}
		}
		result.put("total", counts.getOrDefault("total", List.of(new FacetValue("total", 0))));
		return result;
	}

	private void group(Map<String, String> expressions, boolean total, Where where, Map<String, List<FacetValue>> counts) {
		if (expressions.isEmpty() && !total) {
			return;
		}
		var names = new ArrayList<>(expressions.keySet());
		var kind = new StringBuilder("case");
		var sets = new ArrayList<String>();
		var values = new ArrayList<String>();
		for (var name : names) {
			var sql = expressions.get(name);
			kind.append(" when grouping(").append(sql).append(") = 0 then '").append(name).append("'");
			sets.add("(" + sql + ")");
			values.add("(" + sql + ")");
		}
		kind.append(" else 'total' end");
		if (total) {
			sets.add("()");
		}
		var sql = "select " + kind + " as facet, " + (values.isEmpty() ? "null" : "coalesce(" + String.join(", ", values) + ")")
				+ " as value, count(*) as n from registry.person p where " + where.sql() + " group by grouping sets ("
				+ String.join(", ", sets) + ")";
		jdbc.sql(sql).params(where.parameters()).query((RowCallbackHandler) rs -> {
			var facet = rs.getString("facet");
			add(counts, facet, facet.equals("total") ? "total" : rs.getString("value"), rs.getLong("n"));
		});
	}

	/**
	 * The unit facet: the units one level below the selected unit (or below the caller's scope unit, or the roots
	 * of the tree), each counting the people of its whole subtree.
	 */
	private List<FacetValue> units(List<FacetValue> byUnit, Query query, Set<String> selected, Optional<UUID> root) {
		if (byUnit.isEmpty()) {
			return List.of();
		}
		var today = LocalDate.now(clock);
		var perUnit = new HashMap<UUID, Long>();
		byUnit.forEach(v -> perUnit.put(UUID.fromString(v.value()), v.count()));
		var chosen = selected.contains("unit") ? uuid(query.filters().get("unit")) : null;
		List<vn.trithuc.orgunit.OrgUnit> shown;
		if (chosen != null) {
			shown = tree("children", chosen, today, () -> units.children(new OrgUnitId(chosen), today));
			if (shown.isEmpty()) {
				shown = tree("unit", chosen, today, () -> units.find(new OrgUnitId(chosen), today).map(List::of).orElse(List.of()));
			}
		}
		else {
			shown = root.isPresent()
					? tree("unit", root.get(), today, () -> units.find(new OrgUnitId(root.get()), today).map(List::of).orElse(List.of()))
					: tree("roots", null, today, () -> units.roots(today));
		}
		var out = new ArrayList<FacetValue>();
		for (var unit : shown) {
			long n = 0;
			for (var id : tree("subtree", unit.id().value(), today, () -> List.copyOf(units.subtreeAsOf(unit.id(), today)))) {
				n += perUnit.getOrDefault(id.value(), 0L);
			}
			if (n > 0) {
				out.add(new FacetValue(unit.id().value().toString(), n, unit.name()));
			}
		}
		return out;
	}

	/** The names of the province and commune values of a facet, in one look-up each (none for other facets). */
	private Map<UUID, String> adminUnitNames(String facet, List<FacetValue> values, Query query) {
		if (!Set.of("province", "commune", "hometown").contains(facet)) {
			return Map.of();
		}
		var ids = new java.util.HashSet<UUID>();
		values.forEach(v -> ids.add(UUID.fromString(v.value())));
		var commune = facet.equals("commune");
		return codes.adminUnitNames(ids, commune ? AdminUnitLevel.COMMUNE : AdminUnitLevel.PROVINCE,
				commune ? uuid(query.filters().get("province")) : null, LocalDate.now(clock));
	}

	/** How long the unit facet keeps what it read of the organisation tree (changes made here clear it at once). */
	private static final long TREE_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

	private record TreeKey(String kind, @Nullable UUID unit, LocalDate date) {
	}

	private final java.util.concurrent.ConcurrentHashMap<TreeKey, Object> tree = new java.util.concurrent.ConcurrentHashMap<>();
	private final java.util.concurrent.atomic.AtomicLong treeSince = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

	/**
	 * The levels and subtrees of the organisation tree the unit facet shows (about ten look-ups a search otherwise), and
	 * the units ranked by name for a sort by unit: kept for at most a minute, and dropped as soon as an operation on the
	 * tree commits on this instance (another instance's operation shows in its counts and order within the minute). The
	 * caller's scope never comes from here.
	 */
	@SuppressWarnings("unchecked")
	private <T> T tree(String kind, @Nullable UUID unit, LocalDate date, java.util.function.Supplier<T> load) {
		long now = System.nanoTime();
		long since = treeSince.get();
		if (now - since > TREE_TTL_NANOS && treeSince.compareAndSet(since, now)) {
			tree.clear();
		}
		var key = new TreeKey(kind, unit, date);
		var cached = tree.get(key);
		if (cached == null) {
			cached = load.get();
			tree.put(key, cached);
		}
		return (T) cached;
	}

	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true, classes = {
			OrgUnitEvents.OrgUnitCreated.class, OrgUnitEvents.OrgUnitRenamed.class, OrgUnitEvents.OrgUnitMoved.class,
			OrgUnitEvents.OrgUnitsMerged.class, OrgUnitEvents.OrgUnitSplit.class, OrgUnitEvents.OrgUnitDissolved.class })
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public void organisationTreeChanged() {
		tree.clear();
	}

	private List<FacetValue> labelled(String facet, List<FacetValue> values, Map<UUID, String> adminUnitNames) {
		var out = new ArrayList<FacetValue>();
		for (var v : values) {
			var label = switch (facet) {
				case "province", "commune", "hometown" -> adminUnitNames.getOrDefault(UUID.fromString(v.value()), v.value());
				case "ethnicGroup" -> codes.name("ethnic-groups", v.value());
				case "field" -> codes.name("fields-of-study", v.value());
				case "title" -> codes.name("academic-titles", v.value());
				default -> v.label();
			};
			out.add(new FacetValue(v.value(), v.count(), label));
		}
		if (facet.equals("age")) {
			out.sort(Comparator.comparingInt(v -> AGE_BANDS.indexOf(v.value())));
		}
		else {
			out.sort(Comparator.comparingLong(FacetValue::count).reversed());
		}
		return out;
	}

	private static void add(Map<String, List<FacetValue>> facets, String facet, @Nullable String value, long n) {
		if (value != null) {
			facets.computeIfAbsent(facet, k -> new ArrayList<>()).add(new FacetValue(value, n));
		}
	}
}
