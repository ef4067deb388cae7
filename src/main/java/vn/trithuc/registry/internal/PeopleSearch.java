package vn.trithuc.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.registry.Sex;

/**
 * Search over the registry (issue 6): name tokens folded (diacritics, tone placement, đ = d, NFD input), every
 * query token must match a name token; tokens of 4 letters or more also match name tokens one edit away
 * (levenshtein, candidates looked up in {@code registry.name_token}), shorter ones only exactly; 12 digits
 * search the national ID, 9 digits the old ID, exactly. Facet counts over the same filtered set, sorted in
 * Vietnamese order by given, middle and family name; always within the caller's {@link RegistryScope}.
 */
@Service
@Transactional(readOnly = true)
public class PeopleSearch {

	private static final Pattern DIGITS_12 = Pattern.compile("[0-9]{12}");
	private static final Pattern DIGITS_9 = Pattern.compile("[0-9]{9}");
	public static final List<String> AGE_BANDS = List.of("UNDER_30", "30_40", "41_50", "51_60", "OVER_60");
	public static final List<String> FACETS = List.of("sex", "ethnicGroup", "degree", "category", "party", "talent", "age");

	private final JdbcClient jdbc;
	private final RegistryScope scope;
	private final ProfileVisibility visibility;
	private final Clock clock;

	PeopleSearch(JdbcClient jdbc, RegistryScope scope, ProfileVisibility visibility, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.visibility = visibility;
		this.clock = clock;
	}

	/** @param filters facet name → selected value (see {@link #FACETS}) */
	public record Query(String text, Map<String, String> filters, int page, int size) {
		public Query {
			text = text == null ? "" : text;
			filters = Map.copyOf(filters);
			page = Math.max(0, page);
			size = Math.min(Math.max(1, size), 200);
		}
	}

	public record Row(UUID id, String familyName, String middleName, String givenName, Sex sex,
			@Nullable LocalDate birthDate, @Nullable Integer birthYear, @Nullable String ethnicGroup,
			@Nullable String nationalId, @Nullable String highestDegree, @Nullable String personnelCategory,
			@Nullable Boolean partyMember, boolean talent, @Nullable String phone, @Nullable String email) {

		public String fullName() {
			return middleName.isEmpty() ? familyName + " " + givenName : familyName + " " + middleName + " " + givenName;
		}
	}

	public record FacetValue(String value, long count) {
	}

	public record Result(List<Row> rows, long total, int page, int size, Map<String, List<FacetValue>> facets) {
		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	public Result search(Query query, Caller caller) {
		var where = where(query, caller);
		if (where == null) {
			return new Result(List.of(), 0, query.page(), query.size(), Map.of());
		}
		var facets = facets(where, caller);
		long total = facets.getOrDefault("total", List.of()).stream().mapToLong(FacetValue::count).sum();
		facets.remove("total");
		var rows = new ArrayList<Row>();
		jdbc.sql("select p.* from registry.person p where " + where.sql() + ORDER + " limit :limit offset :offset")
			.params(where.parameters()).param("limit", query.size()).param("offset", (long) query.page() * query.size())
			.query((RowCallbackHandler) rs -> rows.add(row(rs, caller)));
		return new Result(rows, total, query.page(), query.size(), facets);
	}

	/** Streams every matching row in order (for export), masked for the caller. */
	public void each(Query query, Caller caller, Consumer<Row> consumer) {
		var where = where(query, caller);
		if (where == null) {
			return;
		}
		jdbc.sql("select p.* from registry.person p where " + where.sql() + ORDER).params(where.parameters())
			.withFetchSize(500).query((RowCallbackHandler) rs -> consumer.accept(row(rs, caller)));
	}

	private static final String ORDER = " order by p.given_name collate \"vi-x-icu\", p.middle_name collate \"vi-x-icu\","
			+ " p.family_name collate \"vi-x-icu\", p.id";

	private Row row(java.sql.ResultSet rs, Caller caller) throws java.sql.SQLException {
		boolean own = caller.username().equals(rs.getString("user_account"));
		return new Row(rs.getObject("id", UUID.class), rs.getString("family_name"), rs.getString("middle_name"),
				rs.getString("given_name"), Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
				(Integer) rs.getObject("birth_year"), rs.getString("ethnic_group"),
				visibility.nationalId(rs.getString("national_id"), caller, own), rs.getString("highest_degree"),
				rs.getString("personnel_category"),
				visibility.seesPartyMembership(caller, own) ? rs.getBoolean("party_member") : null, rs.getBoolean("talent"),
				rs.getString("phone"), rs.getString("email"));
	}

	record Where(String sql, Map<String, Object> parameters) {
	}

	/** @return null when nothing can match (a fuzzy token with no candidate) */
	@Nullable
	Where where(Query query, Caller caller) {
		var conditions = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		conditions.add("p.merged_into is null");
		var filter = scope.filter(caller);
		conditions.add("(" + filter.sql() + ")");
		params.putAll(filter.parameters());
		var text = query.text().strip();
		if (DIGITS_12.matcher(text).matches()) {
			conditions.add("p.national_id = :nationalId");
			params.put("nationalId", text);
		}
		else if (DIGITS_9.matcher(text).matches()) {
			conditions.add("p.old_id = :oldId");
			params.put("oldId", text);
		}
		else if (!text.isEmpty()) {
			var tokens = NameTokens.query(text);
			var exact = new ArrayList<String>();
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
				conditions.add("p.name_tokens && cast(:fuzzy" + i + " as text[])");
				params.put("fuzzy" + i, candidates.toArray(String[]::new));
				i++;
			}
			if (!exact.isEmpty()) {
				conditions.add("p.name_tokens @> cast(:exact as text[])");
				params.put("exact", exact.toArray(String[]::new));
			}
		}
		var f = query.filters();
		filter(f, "sex", v -> Set.of("MALE", "FEMALE").contains(v), "p.sex = :fSex", "fSex", conditions, params);
		filter(f, "ethnicGroup", v -> true, "p.ethnic_group = :fEthnic", "fEthnic", conditions, params);
		filter(f, "degree", v -> true, "p.highest_degree = :fDegree", "fDegree", conditions, params);
		filter(f, "category", v -> true, "p.personnel_category = :fCategory", "fCategory", conditions, params);
		if (visibility.seesPartyMembership(caller, false)) {
			filter(f, "party", v -> v.equals("true") || v.equals("false"), "p.party_member = cast(:fParty as boolean)",
					"fParty", conditions, params);
		}
		filter(f, "talent", v -> v.equals("true") || v.equals("false"), "p.talent = cast(:fTalent as boolean)", "fTalent",
				conditions, params);
		var age = f.get("age");
		if (age != null && AGE_BANDS.contains(age)) {
			conditions.add(ageBand() + " = :fAge");
			params.put("fAge", age);
		}
		return new Where(String.join(" and ", conditions), params);
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
			String sql, String param, List<String> conditions, Map<String, Object> params) {
		var value = filters.get(name);
		if (value != null && !value.isBlank() && valid.test(value)) {
			conditions.add(sql);
			params.put(param, value);
		}
	}

	/** Name tokens at most one edit away from {@code token}. */
	List<String> candidates(String token) {
		return jdbc.sql("""
				select token from registry.name_token
				where length(token) between :len - 1 and :len + 1 and public.levenshtein_less_equal(token, :t, 1) <= 1""")
			.param("len", token.length()).param("t", token).query(String.class).list();
	}

	private Map<String, List<FacetValue>> facets(Where where, Caller caller) {
		var facets = new LinkedHashMap<String, List<FacetValue>>();
		boolean party = visibility.seesPartyMembership(caller, false);
		var sql = """
				select grouping(p.sex) as g_sex, grouping(p.ethnic_group) as g_eth, grouping(p.highest_degree) as g_deg,
				  grouping(p.personnel_category) as g_cat, grouping(p.party_member) as g_party, grouping(p.talent) as g_tal,
				  grouping(%1$s) as g_age,
				  p.sex, p.ethnic_group, p.highest_degree, p.personnel_category, p.party_member, p.talent, %1$s as age, count(*) as n
				from registry.person p where %2$s
				group by grouping sets ((p.sex), (p.ethnic_group), (p.highest_degree), (p.personnel_category), (p.party_member),
				  (p.talent), (%1$s), ())""".formatted(ageBand(), where.sql());
		jdbc.sql(sql).params(where.parameters()).query((RowCallbackHandler) rs -> {
			long n = rs.getLong("n");
			if (rs.getInt("g_sex") == 0) {
				add(facets, "sex", rs.getString("sex"), n);
			}
			else if (rs.getInt("g_eth") == 0) {
				add(facets, "ethnicGroup", rs.getString("ethnic_group"), n);
			}
			else if (rs.getInt("g_deg") == 0) {
				add(facets, "degree", rs.getString("highest_degree"), n);
			}
			else if (rs.getInt("g_cat") == 0) {
				add(facets, "category", rs.getString("personnel_category"), n);
			}
			else if (rs.getInt("g_party") == 0) {
				if (party) {
					add(facets, "party", String.valueOf(rs.getBoolean("party_member")), n);
				}
			}
			else if (rs.getInt("g_tal") == 0) {
				add(facets, "talent", String.valueOf(rs.getBoolean("talent")), n);
			}
			else if (rs.getInt("g_age") == 0) {
				add(facets, "age", rs.getString("age"), n);
			}
			else {
				add(facets, "total", "total", n);
			}
		});
		facets.values().forEach(list -> list.sort((a, b) -> Long.compare(b.count(), a.count())));
		var age = facets.get("age");
		if (age != null) {
			age.sort(java.util.Comparator.comparingInt(v -> AGE_BANDS.indexOf(v.value())));
		}
		return facets;
	}

	private static void add(Map<String, List<FacetValue>> facets, String facet, @Nullable String value, long n) {
		if (value != null) {
			facets.computeIfAbsent(facet, k -> new ArrayList<>()).add(new FacetValue(value, n));
		}
	}
}
