package vn.trithuc.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.registry.PeopleBulkLoaded;
import vn.trithuc.registry.PeopleMerged;
import vn.trithuc.registry.PersonChanged;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.PersonRegistered;

/**
 * An in-memory search index of the registry (issue 6) kept by every application instance; PostgreSQL stays the
 * source of truth and {@link PeopleSearch} falls back to SQL until the index is loaded (and for what it cannot
 * express). One document ordinal per person not merged; a change appends a new ordinal and drops the old one from
 * {@code live} (stale ordinals are compacted by a reload when they outnumber a fifth of the live ones).
 * <ul>
 * <li>per folded name token, per expertise word × weight class (A fields of study, B keywords, C work titles, D
 * other) and per pair of adjacent words of one text × class: a {@link RoaringBitmap} of ordinals;</li>
 * <li>per facet value (unit, provinces, commune, degree, field, title, birth year, sex, ethnic group, category,
 * party, talent): a bitmap; counting is {@link RoaringBitmap#andCardinality} of the matched set with each;</li>
 * <li>the order: the rank of each distinct given/middle/family name in PostgreSQL's own {@code collate "vi-x-icu"}
 * order (asked of the database, so the order is exactly that of the SQL search) packed into one long per person,
 * then the id; the page is a bounded heap (no full sort); a name query with a typo-tolerant token lists first the
 * people who have every query token itself, then those matched through a typo, each part in that order;</li>
 * <li>the orders a list may be sorted in ({@link PeopleSearch.Sort}): by name or birth, by walking the ordinals of the
 * last full load sorted once in that order (people added since merged in), backward for the reverse; by birth year or
 * unit, the years' or units' bitmaps taken in turn, each part in name order;</li>
 * <li>ids: two {@code long[]} (msb, lsb) and an open-addressing table of ordinals.</li>
 * </ul>
 * Freshness: the registry's events are applied after commit, before the request returns; changes made by other
 * instances are polled ({@code updated_at}) every few seconds ({@code trithuc.registry.search-index.poll-interval}).
 */
@Component
public class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** Weight classes of the expertise document: A, B, C, D. */
	static final int CLASSES = 4;
	/** Score of a query word by its best class (A 10, B 5, C 2, D 0): the ranking {@link PeopleSearch} uses in SQL too. */
	static final int[] CLASS_SCORE = { 10, 5, 2, 0 };
	/** Re-read the people changed this long before the newest change seen (late commits of other instances). */
	private static final long POLL_MARGIN_MILLIS = 30_000;

	private final JdbcClient jdbc;
	private final TransactionTemplate readOnly;
	private final boolean enabled;
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
	private final Object updates = new Object();

	private volatile @Nullable State state;
	private volatile boolean loading;
	/** Everything changed while a load ran: load once more after it. */
	private volatile boolean reloadAgain;
	/** The derived-refresh day the loaded state reflects. */
	private volatile @Nullable LocalDate derivedThrough;
	private volatile long loadMillis;
	/** Ids changed while a (re)load runs: read again once the new state is in place. */
	private @Nullable Set<UUID> changedDuringLoad;
	/** The newest updated_at seen, and the (id, updated_at) seen within the margin (not re-read twice). */
	private long newestChange;
	private final Map<UUID, Long> recentlySeen = new HashMap<>();
	private int polls;

	SearchIndex(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${trithuc.registry.search-index.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.enabled = enabled;
	}

	// ------------------------------------------------------------------ API

	/**
	 * What a search asks of the index; facet selections are sets of values (a unit: its subtree).
	 *
	 * @param fuzzyTokens the folded query tokens that tolerate a typo, each with its candidates (itself among them
	 * when it is indexed) at the same position in {@code fuzzyCandidates}: the people who have every one of these
	 * tokens itself (and the exact ones) come first
	 * @param sort the order of the list (null: by name, or for a name query the exact matches first; experts: by rank)
	 * @param birthYearOnly the caller sees birth years only: a sort by birth is by year, then name
	 * @param unitOrder the units in the order of a sort by unit (see {@link #units()})
	 */
	public record Criteria(List<String> exactTokens, List<String> fuzzyTokens, List<List<String>> fuzzyCandidates,
			List<String> expertWords, @Nullable Collection<UUID> scopeUnits, Map<String, Set<String>> selections,
			Set<String> countedFacets, int year, PeopleSearch.@Nullable Sort sort, boolean birthYearOnly,
			List<UUID> unitOrder) {

		public Criteria {
			if (fuzzyTokens.size() != fuzzyCandidates.size()) {
				throw new IllegalArgumentException("one list of candidates per typo-tolerant token");
			}
		}

		/** Whether some typo-tolerant token has a candidate other than itself: a match may then be a typo. */
		boolean typos() {
			for (int i = 0; i < fuzzyTokens.size(); i++) {
				var candidates = fuzzyCandidates.get(i);
				if (candidates.size() != 1 || !candidates.get(0).equals(fuzzyTokens.get(i))) {
					return true;
				}
			}
			return false;
		}
	}

	/** @param counts facet → value → count (only values counted above zero); "total" is not in it */
	public record Hits(long total, List<UUID> ids, Map<String, Map<String, Long>> counts) {
	}

	public boolean ready() {
		return state != null;
	}

	/** Waits until the index is loaded (tests, benchmarks). @return whether it is */
	public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
		long end = System.nanoTime() + unit.toNanos(timeout);
		while (state == null && System.nanoTime() < end) {
			Thread.sleep(20);
		}
		return state != null;
	}

	/** Loaded people, load time and estimated heap of the index. */
	public record Stats(long people, long ordinals, long loadMillis, long bytes) {
	}

	public Stats stats() {
		lock.readLock().lock();
		try {
			var s = state;
			return s == null ? new Stats(0, 0, loadMillis, 0) : new Stats(s.live.getLongCardinality(), s.size, loadMillis, s.bytes());
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** The units the people of the index work in (or worked in: a unit nobody works in any more may be among them). */
	public List<UUID> units() {
		lock.readLock().lock();
		try {
			var s = state;
			return s == null ? List.of() : s.facets.get("unit").values.stream().map(UUID::fromString).toList();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/**
	 * The total, the ids of rows {@code offset .. offset + limit} in order and the counts of {@code counted} facets
	 * (a selected facet counted without its own selection). @return null when the index is not loaded
	 */
	public @Nullable Hits search(Criteria criteria, long offset, int limit) {
		lock.readLock().lock();
		try {
			var s = state;
			return s == null ? null : s.search(criteria, offset, limit, true);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Every matching id in order (export). @return null when the index is not loaded */
	public @Nullable List<UUID> ordered(Criteria criteria) {
		lock.readLock().lock();
		try {
			var s = state;
			return s == null ? null : s.search(criteria, 0, Integer.MAX_VALUE, false).ids();
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** The name tokens one edit away from {@code token} (itself included) among the tokens indexed. */
	public List<String> candidates(String token) {
		lock.readLock().lock();
		try {
			var s = state;
			if (s == null) {
				return List.of();
			}
			var out = new ArrayList<String>();
			for (var t : s.tokens.keySet()) {
				if (Math.abs(t.length() - token.length()) <= 1 && withinOneEdit(t, token)) {
					out.add(t);
				}
			}
			return out;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	static boolean withinOneEdit(String a, String b) {
		int la = a.length(), lb = b.length();
		if (la == lb) {
			int diff = 0;
			for (int i = 0; i < la && diff <= 1; i++) {
				if (a.charAt(i) != b.charAt(i)) {
					diff++;
				}
			}
			return diff <= 1;
		}
		if (la < lb) {
			return withinOneEdit(b, a);
		}
		if (la - lb != 1) {
			return false;
		}
		int i = 0, j = 0;
		boolean skipped = false;
		while (i < la && j < lb) {
			if (a.charAt(i) == b.charAt(j)) {
				i++;
				j++;
			}
			else if (skipped) {
				return false;
			}
			else {
				skipped = true;
				i++;
			}
		}
		return true;
	}

	// ------------------------------------------------------------------ loading and freshness

	@EventListener(ApplicationReadyEvent.class)
	public void loadInBackground() {
		if (!enabled) {
			return;
		}
		var thread = new Thread(this::reload, "search-index-load");
		thread.setDaemon(true);
		thread.start();
	}

	/** Drops the index (benchmarks measure its heap): search uses SQL until {@link #reload()}. */
	public void unload() {
		synchronized (updates) {
			lock.writeLock().lock();
			try {
				state = null;
			}
			finally {
				lock.writeLock().unlock();
			}
		}
	}

	/** Reads everybody into a new state and puts it in place; changes made meanwhile are read again after. */
	public void reload() {
		synchronized (updates) {
			if (loading) {
				reloadAgain = true;
				return;
			}
			reloadAgain = false;
			loading = true;
			changedDuringLoad = new HashSet<>();
		}
		try {
			long start = System.nanoTime();
			derivedThrough = derivedThrough();
			var fresh = new State();
			long[] newest = { 0 };
			readOnly.executeWithoutResult(tx -> jdbc.sql("select " + COLUMNS + " from registry.person p where p.merged_into is null")
				.withFetchSize(2_000).query((RowCallbackHandler) rs -> {
					var row = row(rs);
					fresh.add(row);
					newest[0] = Math.max(newest[0], row.updatedAt());
				}));
			fresh.rank(rankOf(fresh.names.strings));
			fresh.sortOrders();
			Set<UUID> again;
			synchronized (updates) {
				lock.writeLock().lock();
				try {
					state = fresh;
				}
				finally {
					lock.writeLock().unlock();
				}
				newestChange = Math.max(newestChange, newest[0]);
				again = changedDuringLoad;
				changedDuringLoad = null;
				loading = false;
			}
			loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			if (again != null && !again.isEmpty()) {
				refresh(again);
			}
			if (reloadAgain) {
				reload();
				return;
			}
			var stats = stats();
			log.info("Search index loaded: {} people in {} ms, ≈ {} bytes a person", stats.people(), loadMillis,
					stats.people() == 0 ? 0 : stats.bytes() / stats.people());
		}
		catch (RuntimeException e) {
			synchronized (updates) {
				loading = false;
				changedDuringLoad = null;
			}
			log.warn("Search index not loaded (search stays on SQL): {}", e.toString());
		}
	}

	// the first listener after the commit (before the statistics, which take seconds after a large import): an import
	// job shows as done once its transaction has committed, and a search right after should find the people
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void on(PersonRegistered event) {
		refresh(List.of(event.person().value()));
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void on(PersonChanged event) {
		refresh(List.of(event.person().value()));
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void on(PeopleMerged event) {
		refresh(List.of(event.survivor().value(), event.merged().value()));
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void on(PeopleBulkLoaded event) {
		if (event.everybody() || event.count() > 200_000) {
			if (state != null) {
				reload();
			}
			return;
		}
		refresh(event.people().stream().map(PersonId::value).toList());
	}

	/** Reads these people again (new, changed, merged or gone) and applies them. */
	public void refresh(Collection<UUID> ids) {
		if (!enabled || ids.isEmpty()) {
			return;
		}
		synchronized (updates) {
			if (changedDuringLoad != null) {
				changedDuringLoad.addAll(ids);
			}
			var s = state;
			if (s == null) {
				return;
			}
			var rows = new ArrayList<Row>();
			var list = new ArrayList<>(ids);
			for (int i = 0; i < list.size(); i += 5_000) {
				var batch = list.subList(i, Math.min(list.size(), i + 5_000)).toArray(UUID[]::new);
				jdbc.sql("select " + COLUMNS + " from registry.person p where p.id = any(:ids)").param("ids", batch)
					.query((RowCallbackHandler) rs -> rows.add(row(rs)));
			}
			var found = new HashSet<UUID>();
			var newNames = new ArrayList<String>();
			for (var row : rows) {
				found.add(row.id());
				newestChange = Math.max(newestChange, row.updatedAt());
				if (row.mergedInto() == null) {
					for (var n : List.of(row.givenName(), row.middleName(), row.familyName())) {
						if (!s.names.ids.containsKey(n)) {
							newNames.add(n);
						}
					}
				}
			}
			Map<String, Integer> ranks = null;
			var strings = new ArrayList<String>();
			if (!newNames.isEmpty()) {
				strings.addAll(s.names.strings);
				for (var n : newNames) {
					if (!s.names.ids.containsKey(n) && !strings.subList(s.names.strings.size(), strings.size()).contains(n)) {
						strings.add(n);
					}
				}
				ranks = rankOf(strings);
			}
			lock.writeLock().lock();
			try {
				for (var id : ids) {
					if (!found.contains(id)) {
						s.remove(id);
					}
				}
				for (var row : rows) {
					s.remove(row.id());
					if (row.mergedInto() == null) {
						s.add(row);
					}
				}
				if (ranks != null) {
					s.rank(ranks);
				}
			}
			finally {
				lock.writeLock().unlock();
			}
		}
		var s = state;
		if (s != null && !loading && s.size - s.live.getLongCardinality() > Math.max(10_000, s.live.getLongCardinality() / 5)) {
			reloadInBackground();
		}
	}

	/**
	 * Changes of other instances: the people whose {@code updated_at} is at most the margin older than the newest
	 * change seen are read again (once per change); every 60th poll the number of people is compared with
	 * PostgreSQL's and everything is reloaded when they differ.
	 */
	@Scheduled(initialDelayString = "${trithuc.registry.search-index.poll-interval:5s}",
			fixedDelayString = "${trithuc.registry.search-index.poll-interval:5s}")
	public void poll() {
		if (!enabled || state == null || loading) {
			return;
		}
		long since;
		synchronized (updates) {
			since = newestChange - POLL_MARGIN_MILLIS;
			recentlySeen.values().removeIf(at -> at < since);
		}
		var changed = new ArrayList<UUID>();
		jdbc.sql("select id, updated_at from registry.person where updated_at > :since")
			.param("since", Timestamp.from(Instant.ofEpochMilli(since))).query((RowCallbackHandler) rs -> {
				var id = rs.getObject(1, UUID.class);
				long at = rs.getTimestamp(2).getTime();
				synchronized (updates) {
					var seen = recentlySeen.get(id);
					if (seen == null || seen != at) {
						recentlySeen.put(id, at);
						changed.add(id);
					}
				}
			});
		refresh(changed);
		// the nightly refresh of derived columns (one instance runs it) leaves updated_at alone: read everybody again
		var through = derivedThrough();
		if (!Objects.equals(through, derivedThrough)) {
			reloadInBackground();
			return;
		}
		if (++polls % 60 == 0) {
			long people = jdbc.sql("select count(*) from registry.person where merged_into is null").query(Long.class).single();
			if (people != stats().people()) {
				reloadInBackground();
			}
		}
	}

	private void reloadInBackground() {
		var thread = new Thread(this::reload, "search-index-reload");
		thread.setDaemon(true);
		thread.start();
	}

	/** The last day the derived columns were refreshed for (DerivedFlags), null before the first refresh. */
	private @Nullable LocalDate derivedThrough() {
		return jdbc.sql("select refreshed_through from registry.derived_refresh where id = 1").query(LocalDate.class)
			.optional().orElse(null);
	}

	/** The rank of each name in PostgreSQL's order of the search ({@code collate "vi-x-icu"}). */
	private Map<String, Integer> rankOf(List<String> strings) {
		var rank = new HashMap<String, Integer>();
		int[] next = { 0 };
		jdbc.sql("select s from unnest(cast(:s as text[])) s order by s collate \"vi-x-icu\"")
			.param("s", strings.toArray(String[]::new))
			.query((RowCallbackHandler) rs -> rank.put(rs.getString(1), next[0]++));
		return rank;
	}

	// ------------------------------------------------------------------ rows

	private static final String COLUMNS = "p.id, p.given_name, p.middle_name, p.family_name, p.name_tokens, p.current_org_unit,"
			+ " p.residence_province, p.residence, p.hometown_province, p.highest_degree, p.academic_title, p.birth_year,"
			+ " p.birth_date, p.sex, p.ethnic_group, p.personnel_category, p.party_member, p.talent, p.fields,"
			+ " p.expertise::text as expertise, p.merged_into, p.updated_at";

	/** @param birth {@link #birthKey} */
	record Row(UUID id, String givenName, String middleName, String familyName, String[] tokens, String[] facets,
			String[] fields, @Nullable String expertise, int birth, @Nullable UUID mergedInto, long updatedAt) {
	}

	/** An unknown birth in {@link #birthKey}. */
	static final int NO_BIRTH = -1;

	/**
	 * A birth as one number in its order: the year, then the day in the year (0 for a year alone: before the dates of
	 * that year, after them in reverse); {@link #NO_BIRTH} when not even the year is known.
	 */
	static int birthKey(@Nullable LocalDate date, @Nullable Integer year) {
		return date != null ? date.getYear() << 9 | date.getDayOfYear() : year != null ? year << 9 : NO_BIRTH;
	}

	/** The single-valued facets in the order of {@link Row#facets}. */
	static final List<String> SINGLE = List.of("unit", "province", "commune", "hometown", "degree", "title", "birthYear",
			"sex", "ethnicGroup", "category", "party", "talent");

	private static Row row(ResultSet rs) throws SQLException {
		var facets = new String[SINGLE.size()];
		facets[0] = text(rs.getObject("current_org_unit"));
		facets[1] = text(rs.getObject("residence_province"));
		facets[2] = text(rs.getObject("residence"));
		facets[3] = text(rs.getObject("hometown_province"));
		facets[4] = rs.getString("highest_degree");
		facets[5] = rs.getString("academic_title");
		facets[6] = text(rs.getObject("birth_year"));
		facets[7] = rs.getString("sex");
		facets[8] = rs.getString("ethnic_group");
		facets[9] = rs.getString("personnel_category");
		facets[10] = String.valueOf(rs.getBoolean("party_member"));
		facets[11] = String.valueOf(rs.getBoolean("talent"));
		var tokens = rs.getArray("name_tokens");
		var fields = rs.getArray("fields");
		return new Row(rs.getObject("id", UUID.class), rs.getString("given_name"), rs.getString("middle_name"),
				rs.getString("family_name"), tokens == null ? new String[0] : (String[]) tokens.getArray(), facets,
				fields == null ? new String[0] : (String[]) fields.getArray(), rs.getString("expertise"),
				birthKey(rs.getObject("birth_date", LocalDate.class), (Integer) rs.getObject("birth_year")),
				rs.getObject("merged_into", UUID.class), rs.getTimestamp("updated_at").getTime());
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	/** A tsvector's text ('word':1A,5B 'other':2) → (position, word, class) triples. */
	static List<long[]> positions(String tsvector, Map<String, Integer> words, List<String> wordList) {
		var out = new ArrayList<long[]>();
		int i = 0, n = tsvector.length();
		while (i < n) {
			if (tsvector.charAt(i) != '\'') {
				i++;
				continue;
			}
			var word = new StringBuilder();
			i++;
			while (i < n) {
				char c = tsvector.charAt(i);
				if (c == '\'') {
					if (i + 1 < n && tsvector.charAt(i + 1) == '\'') {
						word.append('\'');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (c == '\\' && i + 1 < n) {
					c = tsvector.charAt(++i);
				}
				word.append(c);
				i++;
			}
			var w = word.toString();
			Integer id = words.get(w);
			if (id == null) {
				id = wordList.size();
				words.put(w, id);
				wordList.add(w);
			}
			if (i < n && tsvector.charAt(i) == ':') {
				i++;
				while (i < n && tsvector.charAt(i) != ' ') {
					int p = 0;
					while (i < n && Character.isDigit(tsvector.charAt(i))) {
						p = p * 10 + (tsvector.charAt(i++) - '0');
					}
					int cls = 3;
					if (i < n && Character.isLetter(tsvector.charAt(i))) {
						cls = tsvector.charAt(i++) - 'A';
					}
					out.add(new long[] { p, id, cls });
					if (i < n && tsvector.charAt(i) == ',') {
						i++;
					}
				}
			}
			else {
				out.add(new long[] { -1, id, 3 }); // no position: class D, no pair
			}
		}
		return out;
	}

	// ------------------------------------------------------------------ state

	/**
	 * Values of one facet: value → id, the bitmap of each, and each ordinal's value ids + 1 in a column (0: none), so
	 * that a matched set is counted by one pass over its ordinals: a {@code char[]} for a single-valued facet; for a
	 * multi-valued one (fields) up to four ids of 16 bits packed in a {@code long}, more in {@code more}.
	 */
	static final class Facet {
		final Map<String, Integer> ids = new HashMap<>();
		final List<String> values = new ArrayList<>();
		final List<RoaringBitmap> bitmaps = new ArrayList<>();
		char[] column = new char[0];
		long[] packed = new long[0];
		final Map<Integer, List<Integer>> more = new HashMap<>();
		/** false when more values than a char holds: counted by bitmaps only */
		boolean columnar = true;

		int add(String value, int ordinal) {
			var id = ids.get(value);
			if (id == null) {
				id = values.size();
				ids.put(value, id);
				values.add(value);
				bitmaps.add(new RoaringBitmap());
			}
			bitmaps.get(id).add(ordinal);
			return id;
		}

		void set(int ordinal, int id) {
			if (id + 1 > Character.MAX_VALUE) {
				columnar = false;
				return;
			}
			if (ordinal >= column.length) {
				column = Arrays.copyOf(column, Math.max(1024, Math.max(ordinal + 1, column.length * 2)));
			}
			column[ordinal] = (char) (id + 1);
		}

		int valueOf(int ordinal) {
			return ordinal < column.length ? column[ordinal] - 1 : -1;
		}

		/** One more value of a multi-valued facet for {@code ordinal}. */
		void setAnother(int ordinal, int id) {
			if (id + 1 > 0xFFFF) {
				columnar = false;
				return;
			}
			if (ordinal >= packed.length) {
				packed = Arrays.copyOf(packed, Math.max(1024, Math.max(ordinal + 1, packed.length * 2)));
			}
			long p = packed[ordinal];
			for (int shift = 0; shift < 64; shift += 16) {
				long slot = (p >>> shift) & 0xFFFF;
				if (slot == id + 1) {
					return; // a value listed twice counts once, as its bitmap does
				}
				if (slot == 0) {
					packed[ordinal] = p | ((long) (id + 1) << shift);
					return;
				}
			}
			var extra = more.computeIfAbsent(ordinal, k -> new ArrayList<>());
			if (!extra.contains(id)) {
				extra.add(id);
			}
		}

		/** Adds one to {@code n[value id]} for every value of every ordinal of {@code over}. */
		void countInto(RoaringBitmap over, long[] n) {
			if (packed.length == 0 && column.length > 0) {
				over.forEach((int o) -> {
					int v = valueOf(o);
					if (v >= 0) {
						n[v]++;
					}
				});
				return;
			}
			over.forEach((int o) -> {
				for (long p = o < packed.length ? packed[o] : 0; p != 0; p >>>= 16) {
					n[(int) (p & 0xFFFF) - 1]++;
				}
			});
			if (!more.isEmpty()) {
				more.forEach((o, extra) -> {
					if (over.contains(o)) {
						extra.forEach(v -> n[v]++);
					}
				});
			}
		}

		@Nullable
		RoaringBitmap of(String value) {
			var id = ids.get(value);
			return id == null ? null : bitmaps.get(id);
		}

		long bytes() {
			long b = 0;
			for (var bm : bitmaps) {
				b += bm.getLongSizeInBytes() + 48;
			}
			return b + values.size() * 80L + column.length * 2L + packed.length * 8L + more.size() * 64L;
		}
	}

	/** Distinct names with their rank in PostgreSQL's "vi-x-icu" order. */
	static final class Names {
		final Map<String, Integer> ids = new HashMap<>();
		final List<String> strings = new ArrayList<>();
		int[] rank = new int[0];

		int id(String name) {
			var id = ids.get(name);
			if (id == null) {
				id = strings.size();
				ids.put(name, id);
				strings.add(name);
			}
			return id;
		}
	}

	final class State {
		int size;
		long[] msb = new long[1024];
		long[] lsb = new long[1024];
		int[] given = new int[1024];
		int[] middle = new int[1024];
		int[] family = new int[1024];
		long[] nameKey = new long[1024];
		/** {@link #birthKey} per ordinal */
		int[] birth = new int[1024];
		/** ordinal + 1 in an open-addressing table keyed by id (0 = empty) */
		int[] table = new int[4096];
		/** The ordinals of the last full load in name order ({@link #sortOrders}); people added since lie beyond. */
		int[] byNameOrder = new int[0];
		/** The same ordinals by birth, then name; the unknown births last, after the first {@link #birthsKnown}. */
		int[] byBirthOrder = new int[0];
		int birthsKnown;
		final RoaringBitmap live = new RoaringBitmap();
		final Names names = new Names();
		final Map<String, RoaringBitmap> tokens = new HashMap<>();
		final Map<String, Integer> wordIds = new HashMap<>();
		final List<String> wordList = new ArrayList<>();
		/** word → bitmap per class */
		final Map<String, RoaringBitmap[]> words = new HashMap<>();
		/** "a b" → bitmap per class */
		final Map<String, RoaringBitmap[]> pairs = new HashMap<>();
		final Map<String, Facet> facets = new LinkedHashMap<>();
		final Facet fields = new Facet();

		State() {
			for (var f : SINGLE) {
				facets.put(f, new Facet());
			}
		}

		long bytes() {
			long b = (long) msb.length * 8 * 3 + (long) given.length * 4 * 5 + table.length * 4L + live.getLongSizeInBytes()
					+ (byNameOrder.length + byBirthOrder.length) * 4L;
			for (var bm : tokens.values()) {
				b += bm.getLongSizeInBytes() + 80;
			}
			for (var map : List.of(words, pairs)) {
				for (var bms : map.values()) {
					b += 100;
					for (var bm : bms) {
						b += bm == null ? 0 : bm.getLongSizeInBytes() + 48;
					}
				}
			}
			for (var f : facets.values()) {
				b += f.bytes();
			}
			return b + fields.bytes() + names.strings.size() * 100L;
		}

		private int slot(long hi, long lo) {
			long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
			return (int) (h ^ (h >>> 31)) & (table.length - 1);
		}

		int ordinal(UUID id) {
			long hi = id.getMostSignificantBits(), lo = id.getLeastSignificantBits();
			int i = slot(hi, lo);
			while (true) {
				int o = table[i] - 1;
				if (o < 0) {
					return -1;
				}
				if (msb[o] == hi && lsb[o] == lo) {
					return o;
				}
				i = (i + 1) & (table.length - 1);
			}
		}

		private void put(long hi, long lo, int ordinal) {
			int i = slot(hi, lo);
			while (true) {
				int o = table[i] - 1;
				if (o < 0 || (msb[o] == hi && lsb[o] == lo)) {
					table[i] = ordinal + 1;
					return;
				}
				i = (i + 1) & (table.length - 1);
			}
		}

		void remove(UUID id) {
			int o = ordinal(id);
			if (o >= 0) {
				live.remove(o);
			}
		}

		void add(Row row) {
			int o = size++;
			if (o == msb.length) {
				int n = msb.length * 2;
				msb = Arrays.copyOf(msb, n);
				lsb = Arrays.copyOf(lsb, n);
				given = Arrays.copyOf(given, n);
				middle = Arrays.copyOf(middle, n);
				family = Arrays.copyOf(family, n);
				nameKey = Arrays.copyOf(nameKey, n);
				birth = Arrays.copyOf(birth, n);
			}
			if (size * 2 > table.length) {
				table = new int[table.length * 2];
				for (int i = 0; i < o; i++) {
					put(msb[i], lsb[i], i);
				}
			}
			msb[o] = row.id().getMostSignificantBits();
			lsb[o] = row.id().getLeastSignificantBits();
			put(msb[o], lsb[o], o);
			given[o] = names.id(row.givenName());
			middle[o] = names.id(row.middleName());
			family[o] = names.id(row.familyName());
			nameKey[o] = key(o);
			birth[o] = row.birth();
			for (var t : row.tokens()) {
				tokens.computeIfAbsent(t, k -> new RoaringBitmap()).add(o);
			}
			int i = 0;
			for (var f : SINGLE) {
				var v = row.facets()[i++];
				if (v != null) {
					var facet = facets.get(f);
					facet.set(o, facet.add(v, o));
				}
			}
			for (var f : row.fields()) {
				fields.setAnother(o, fields.add(f, o));
			}
			if (row.expertise() != null && !row.expertise().isEmpty()) {
				var entries = positions(row.expertise(), wordIds, wordList);
				for (var e : entries) {
					classes(words, wordList.get((int) e[1]))[(int) e[2]] = addTo(classes(words, wordList.get((int) e[1]))[(int) e[2]], o);
				}
				entries.removeIf(e -> e[0] < 0);
				entries.sort((x, y) -> Long.compare(x[0], y[0]));
				for (int a = 0; a < entries.size(); a++) {
					var x = entries.get(a);
					for (int b = a + 1; b < entries.size() && entries.get(b)[0] <= x[0] + 1; b++) {
						var y = entries.get(b);
						if (y[0] == x[0] + 1 && y[2] == x[2]) {
							var bms = classes(pairs, wordList.get((int) x[1]) + " " + wordList.get((int) y[1]));
							bms[(int) x[2]] = addTo(bms[(int) x[2]], o);
						}
					}
				}
			}
			live.add(o);
		}

		private static RoaringBitmap addTo(@Nullable RoaringBitmap bitmap, int o) {
			var b = bitmap == null ? new RoaringBitmap() : bitmap;
			b.add(o);
			return b;
		}

		private static RoaringBitmap[] classes(Map<String, RoaringBitmap[]> map, String key) {
			return map.computeIfAbsent(key, k -> new RoaringBitmap[CLASSES]);
		}

		private long key(int o) {
			if (names.rank.length <= Math.max(given[o], Math.max(middle[o], family[o]))) {
				return Long.MAX_VALUE; // ranked before the state is used
			}
			return ((long) names.rank[given[o]] << 42) | ((long) names.rank[middle[o]] << 21) | names.rank[family[o]];
		}

		void rank(Map<String, Integer> ranks) {
			if (ranks.size() >= (1 << 21)) {
				throw new IllegalStateException("more than 2M distinct names");
			}
			var rank = new int[names.strings.size()];
			for (int i = 0; i < rank.length; i++) {
				rank[i] = ranks.get(names.strings.get(i));
			}
			names.rank = rank;
			for (int o = 0; o < size; o++) {
				nameKey[o] = key(o);
			}
		}

		// -------------------------------------------------------------- query

		Hits search(Criteria c, long offset, int limit, boolean count) {
			var base = live.clone();
			if (c.scopeUnits() != null) {
				var units = new ArrayList<RoaringBitmap>();
				for (var u : c.scopeUnits()) {
					var b = facets.get("unit").of(u.toString());
					if (b != null) {
						units.add(b);
					}
				}
				base.and(FastAggregation.or(units.iterator()));
			}
			for (var t : c.exactTokens()) {
				var b = tokens.get(t);
				if (b == null) {
					return empty();
				}
				base.and(b);
			}
			for (var candidates : c.fuzzyCandidates()) {
				var any = new ArrayList<RoaringBitmap>();
				for (var t : candidates) {
					var b = tokens.get(t);
					if (b != null) {
						any.add(b);
					}
				}
				base.and(FastAggregation.or(any.iterator()));
			}
			var distinctWords = new ArrayList<>(new LinkedHashSet<>(c.expertWords()));
			for (var w : distinctWords) {
				var bms = words.get(w);
				if (bms == null) {
					return empty();
				}
				base.and(FastAggregation.or(nonNull(bms).iterator()));
			}
			// one bitmap per selected facet
			var selected = new LinkedHashMap<String, RoaringBitmap>();
			c.selections().forEach((facet, values) -> {
				var any = new ArrayList<RoaringBitmap>();
				if (facet.equals("age")) {
					var band = values.iterator().next();
					var years = facets.get("birthYear");
					for (int i = 0; i < years.values.size(); i++) {
						if (band.equals(ageBand(c.year(), Integer.parseInt(years.values.get(i))))) {
							any.add(years.bitmaps.get(i));
						}
					}
				}
				else {
					var f = facet.equals("field") ? fields : facets.get(facet);
					for (var v : values) {
						var b = f.of(v);
						if (b != null) {
							any.add(b);
						}
					}
				}
				selected.put(facet, FastAggregation.or(any.iterator()));
			});
			var matched = base.clone();
			selected.values().forEach(matched::and);
			var counts = new LinkedHashMap<String, Map<String, Long>>();
			if (count) {
				// the facets not selected and counted by a pass over the matched set share one pass: one more facet in it
				// costs a column read per matched person, less than its own pass
				var together = new ArrayList<String>();
				for (var facet : c.countedFacets()) {
					if (!selected.containsKey(facet) && byPass(facet, facetOf(facet), matched)) {
						together.add(facet);
					}
				}
				var counted = countTogether(together, matched, c.year());
				for (var facet : c.countedFacets()) {
					if (counted.containsKey(facet)) {
						counts.put(facet, counted.get(facet));
						continue;
					}
					RoaringBitmap over = matched;
					if (selected.containsKey(facet)) {
						over = base.clone();
						for (var e : selected.entrySet()) {
							if (!e.getKey().equals(facet)) {
								over.and(e.getValue());
							}
						}
					}
					counts.put(facet, count(facet, over, c.year()));
				}
			}
			long total = matched.getLongCardinality();
			List<UUID> ids = c.expertWords().isEmpty() ? sorted(c, matched, offset, limit)
					: byRank(matched, c.expertWords(), distinctWords, offset, limit);
			return new Hits(total, ids, counts);
		}

		private static List<RoaringBitmap> nonNull(RoaringBitmap[] bms) {
			var out = new ArrayList<RoaringBitmap>();
			for (var b : bms) {
				if (b != null) {
					out.add(b);
				}
			}
			return out;
		}

		private Hits empty() {
			return new Hits(0, List.of(), Map.of());
		}

		private Facet facetOf(String facet) {
			return facet.equals("age") ? facets.get("birthYear") : facet.equals("field") ? fields : facets.get(facet);
		}

		/**
		 * Whether {@code facet} is counted by a pass over the ordinals of {@code over} (≈ 3 ns each, measured in the
		 * shared pass at 1M people) rather than by one andCardinality per value: ≈ 2–3,5 µs per container of a dense
		 * set (bitmap containers: 16 for an expert query's 83.000 of 1M), ≈ 1 ns per member of a sparse one — cheaper
		 * only for a dense set and a facet of a handful of values (sex, party, talent, titles: 45 µs against 0,25 ms;
		 * fields, 15 values: 0,85 ms by bitmaps). Communes: always a pass.
		 */
		private static boolean byPass(String facet, Facet f, RoaringBitmap over) {
			if (!f.columnar) {
				return false;
			}
			long card = over.getLongCardinality();
			int containers = 0;
			for (var c = over.getContainerPointer(); c.getContainer() != null; c.advance()) {
				containers++;
			}
			long passCost = 3 * card;
			long bitmapCost = (card > 4096L * containers ? 2500L * containers : card + 100L * containers) * f.values.size();
			return facet.equals("commune") || passCost < bitmapCost;
		}

		private Map<String, Long> count(String facet, RoaringBitmap over, int year) {
			if (over.isEmpty()) {
				return new LinkedHashMap<>();
			}
			var f = facetOf(facet);
			var n = new long[f.values.size()];
			if (byPass(facet, f, over)) {
				f.countInto(over, n);
			}
			else {
				for (int i = 0; i < n.length; i++) {
					n[i] = RoaringBitmap.andCardinality(over, f.bitmaps.get(i));
				}
			}
			return labelled(facet, f, n, year);
		}

		/**
		 * Several facets over the same set in one pass over its ordinals (a search counts a dozen facets: one walk of
		 * the matched bitmap instead of a dozen); the multi-valued one (fields) by its own pass.
		 */
		private Map<String, Map<String, Long>> countTogether(List<String> names, RoaringBitmap over, int year) {
			var out = new HashMap<String, Map<String, Long>>();
			var singles = new ArrayList<String>();
			for (var name : names) {
				if (facetOf(name) == fields) {
					var n = new long[fields.values.size()];
					fields.countInto(over, n);
					out.put(name, labelled(name, fields, n, year));
				}
				else {
					singles.add(name);
				}
			}
			var columns = new char[singles.size()][];
			var n = new long[singles.size()][];
			for (int i = 0; i < columns.length; i++) {
				var f = facetOf(singles.get(i));
				columns[i] = f.column;
				n[i] = new long[f.values.size()];
			}
			if (columns.length > 0) {
				over.forEach((int o) -> {
					for (int i = 0; i < columns.length; i++) {
						var column = columns[i];
						if (o < column.length && column[o] != 0) {
							n[i][column[o] - 1]++;
						}
					}
				});
			}
			for (int i = 0; i < columns.length; i++) {
				out.put(singles.get(i), labelled(singles.get(i), facetOf(singles.get(i)), n[i], year));
			}
			return out;
		}

		/** Counts by value id → by value (an age band sums its birth years), values counted above zero only. */
		private static Map<String, Long> labelled(String facet, Facet f, long[] n, int year) {
			var out = new LinkedHashMap<String, Long>();
			for (int i = 0; i < n.length; i++) {
				if (n[i] > 0) {
					var value = facet.equals("age") ? ageBand(year, Integer.parseInt(f.values.get(i))) : f.values.get(i);
					out.merge(value, n[i], Long::sum);
				}
			}
			return out;
		}

		/**
		 * The members of {@code matched} that have every typo-tolerant query token itself (the exact tokens are in
		 * every match already); null when every match is exact (no such token, or none with a candidate other than
		 * itself): one bitmap AND per such token.
		 */
		private @Nullable RoaringBitmap exactOf(Criteria c, RoaringBitmap matched) {
			if (!c.typos()) {
				return null;
			}
			RoaringBitmap exact = null;
			for (var t : c.fuzzyTokens()) {
				var b = tokens.get(t);
				if (b == null) {
					return new RoaringBitmap();
				}
				if (exact == null) {
					exact = RoaringBitmap.and(matched, b);
				}
				else {
					exact.and(b);
				}
			}
			return exact;
		}

		/**
		 * The page of {@code matched} in the order of the criteria: by name — a name query's people who have every
		 * query token itself first, unless a sort is asked for — or by the sort's key, ties by name.
		 */
		private List<UUID> sorted(Criteria c, RoaringBitmap matched, long offset, int limit) {
			var sort = c.sort();
			if (sort == null) {
				var exact = exactOf(c, matched);
				return byParts(matched, exact == null ? List.of() : List.of(exact), byName(false), offset, limit);
			}
			boolean descending = sort.descending();
			return switch (sort.key()) {
				case NAME -> byParts(matched, List.of(), byName(descending), offset, limit);
				case BIRTH -> c.birthYearOnly() ? byParts(matched, birthYears(descending), byName(false), offset, limit)
						: byParts(matched, List.of(), byBirth(descending), offset, limit);
				case UNIT -> byParts(matched, units(c.unitOrder(), descending), byName(false), offset, limit);
			};
		}

		/** The bitmaps of the birth years, oldest first (or last); the people without a birth year are in none. */
		private List<RoaringBitmap> birthYears(boolean descending) {
			var years = facets.get("birthYear");
			var ids = IntStream.range(0, years.values.size()).boxed()
				.sorted(java.util.Comparator.comparingInt(i -> Integer.parseInt(years.values.get(i)))).toList();
			var out = new ArrayList<RoaringBitmap>();
			ids.forEach(i -> out.add(years.bitmaps.get(i)));
			if (descending) {
				java.util.Collections.reverse(out);
			}
			return out;
		}

		/** The bitmaps of the units in that order (or reversed); the people without a unit are in none. */
		private List<RoaringBitmap> units(List<UUID> order, boolean descending) {
			var unit = facets.get("unit");
			var out = new ArrayList<RoaringBitmap>();
			var ranked = new java.util.HashSet<String>();
			for (var u : order) {
				ranked.add(u.toString());
				var b = unit.of(u.toString());
				if (b != null) {
					out.add(b);
				}
			}
			// a unit that reached the index after the order was worked out (read under another lock): after the ranked
			// ones, never among the people without a unit
			unit.values.stream().filter(v -> !ranked.contains(v)).sorted().map(unit::of)
				.filter(java.util.Objects::nonNull).forEach(out::add);
			if (descending) {
				java.util.Collections.reverse(out);
			}
			return out;
		}

		/**
		 * The page of {@code matched} taken part by part: first its members in each of {@code parts} in turn (disjoint),
		 * then those in none, each part in {@code order}. Only the parts the page overlaps are ordered; the others are
		 * only counted.
		 */
		private List<UUID> byParts(RoaringBitmap matched, List<RoaringBitmap> parts, Order order, long offset, int limit) {
			long k = Math.min(offset + limit, matched.getLongCardinality());
			if (k <= 0 || offset >= k) {
				return List.of();
			}
			var out = new ArrayList<UUID>((int) (k - offset));
			long before = 0;
			for (int i = 0; i < parts.size() && before < k; i++) {
				long n = RoaringBitmap.andCardinality(matched, parts.get(i));
				if (n > 0 && before + n > offset) {
					var sorted = firstIn(RoaringBitmap.and(matched, parts.get(i)), (int) Math.min(n, k - before), order);
					out.addAll(ids(sorted, (int) Math.max(0, offset - before), sorted.length));
				}
				before += n;
			}
			if (before < k) {
				var rest = matched;
				if (!parts.isEmpty()) {
					rest = matched.clone();
					parts.forEach(rest::andNot);
				}
				var sorted = firstIn(rest, (int) (k - before), order);
				out.addAll(ids(sorted, (int) Math.max(0, offset - before), sorted.length));
			}
			return out;
		}

		/**
		 * The ordinals of the last full load in name order and in birth order (a stable sort of the name order by
		 * {@link #birthKey}: one sort of packed longs), for {@link #firstIn}.
		 */
		void sortOrders() {
			byNameOrder = IntStream.range(0, size).boxed().sorted(this::compareNames)
				.mapToInt(Integer::intValue).toArray();
			var packed = new long[size];
			birthsKnown = 0;
			for (int i = 0; i < size; i++) {
				int key = birth[byNameOrder[i]];
				if (key != NO_BIRTH) {
					birthsKnown++;
				}
				packed[i] = (long) (key == NO_BIRTH ? Integer.MAX_VALUE : key) << 32 | i;
			}
			Arrays.sort(packed);
			byBirthOrder = new int[size];
			for (int i = 0; i < size; i++) {
				byBirthOrder[i] = byNameOrder[(int) packed[i]];
			}
		}

		Order byName(boolean descending) {
			return new Order(byNameOrder, byNameOrder.length, o -> nameKey[o], descending);
		}

		Order byBirth(boolean descending) {
			return new Order(byBirthOrder, birthsKnown, o -> birth[o] == NO_BIRTH ? Order.UNKNOWN : birth[o], descending);
		}

		/**
		 * An order of people: by a key, ascending or descending, an unknown key last either way, people of one key in
		 * name order (then id). {@code presorted}: the ordinals of the last full load in the ascending order, the
		 * {@code known} with a key first.
		 */
		final class Order implements IntOrder {
			static final long UNKNOWN = Long.MIN_VALUE;
			final int[] presorted;
			final int known;
			final java.util.function.IntToLongFunction key;
			final boolean descending;

			Order(int[] presorted, int known, java.util.function.IntToLongFunction key, boolean descending) {
				this.presorted = presorted;
				this.known = known;
				this.key = key;
				this.descending = descending;
			}

			@Override
			public int compare(int a, int b) {
				long x = key.applyAsLong(a), y = key.applyAsLong(b);
				if (x != y) {
					if (x == UNKNOWN || y == UNKNOWN) {
						return x == UNKNOWN ? 1 : -1;
					}
					return descending ? Long.compare(y, x) : Long.compare(x, y);
				}
				return compareNames(a, b);
			}

			/**
			 * Puts the first members of {@code set} among the presorted ordinals into {@code out}, as many as it holds:
			 * ascending, in the array's order; descending, the runs of one key from the last known one backward, each
			 * run forward (name order), then the unknown keys. @return how many
			 */
			int walk(RoaringBitmap set, int[] out) {
				int n = 0;
				if (!descending) {
					for (int i = 0; i < presorted.length && n < out.length; i++) {
						if (set.contains(presorted[i])) {
							out[n++] = presorted[i];
						}
					}
					return n;
				}
				for (int end = known; end > 0 && n < out.length;) {
					long run = key.applyAsLong(presorted[end - 1]);
					int start = end - 1;
					while (start > 0 && key.applyAsLong(presorted[start - 1]) == run) {
						start--;
					}
					for (int i = start; i < end && n < out.length; i++) {
						if (set.contains(presorted[i])) {
							out[n++] = presorted[i];
						}
					}
					end = start;
				}
				for (int i = known; i < presorted.length && n < out.length; i++) {
					if (set.contains(presorted[i])) {
						out[n++] = presorted[i];
					}
				}
				return n;
			}
		}

		/**
		 * The {@code k} first of {@code set} in {@code order}. A large set: by walking the presorted ordinals of the
		 * last full load until {@code k} members are found (≈ k · people / |set| lookups: 500 for a page of a set of
		 * 4 %), merged with the first of the people added since (beyond those ordinals); a small one: a bounded
		 * max-heap over its members. A page far down a long list (k beyond 100.000) is walked to: at most one lookup a
		 * person, never a sort of the set.
		 */
		private int[] firstIn(RoaringBitmap set, int k, Order order) {
			int sorted = order.presorted.length;
			long later = size > sorted ? set.rangeCardinality(sorted, size) : 0;
			long earlier = set.getLongCardinality() - later;
			if (earlier == 0 || (k <= 100_000 && (double) k * sorted / earlier > earlier)) {
				return first(k, order, set::forEach);
			}
			var out = new int[k];
			int n = order.walk(set, out);
			if (later == 0) {
				return n == k ? out : Arrays.copyOf(out, n);
			}
			var added = first(k, order, set.selectRange(sorted, size)::forEach);
			var merged = new int[Math.min(k, n + added.length)];
			for (int i = 0, a = 0, b = 0; i < merged.length; i++) {
				merged[i] = b >= added.length || (a < n && order.compare(out[a], added[b]) <= 0) ? out[a++] : added[b++];
			}
			return merged;
		}

		/** The {@code k} first values {@code source} gives in {@code order}, sorted: a bounded max-heap (a sort beyond 100.000). */
		private static int[] first(int k, IntOrder order, Consumer<IntConsumer> source) {
			if (k > 100_000) {
				var all = new IntConsumer() {
					int[] values = new int[1024];
					int n;

					@Override
					public void accept(int v) {
						if (n == values.length) {
							values = Arrays.copyOf(values, n * 2);
						}
						values[n++] = v;
					}
				};
				source.accept(all);
				return Arrays.stream(all.values, 0, all.n).boxed().sorted(order::compare).limit(k).mapToInt(Integer::intValue)
					.toArray();
			}
			var heap = new int[k];
			int[] n = { 0 };
			source.accept((int o) -> {
				if (n[0] < heap.length) {
					heap[n[0]++] = o;
					siftUp(heap, n[0] - 1, order);
				}
				else if (order.compare(o, heap[0]) < 0) {
					heap[0] = o;
					siftDown(heap, n[0], order);
				}
			});
			return Arrays.stream(heap, 0, n[0]).boxed().sorted(order::compare).mapToInt(Integer::intValue).toArray();
		}

		private List<UUID> ids(int[] ordinals, int from, int to) {
			var out = new ArrayList<UUID>(Math.max(0, to - from));
			for (int i = from; i < to; i++) {
				out.add(new UUID(msb[ordinals[i]], lsb[ordinals[i]]));
			}
			return out;
		}

		int compareNames(int a, int b) {
			int c = Long.compare(nameKey[a], nameKey[b]);
			if (c != 0) {
				return c;
			}
			c = Long.compareUnsigned(msb[a], msb[b]);
			return c != 0 ? c : Long.compareUnsigned(lsb[a], lsb[b]);
		}

		private static void siftUp(int[] heap, int i, IntOrder order) {
			while (i > 0) {
				int parent = (i - 1) / 2;
				if (order.compare(heap[i], heap[parent]) <= 0) {
					return;
				}
				int t = heap[i];
				heap[i] = heap[parent];
				heap[parent] = t;
				i = parent;
			}
		}

		private static void siftDown(int[] heap, int n, IntOrder order) {
			int i = 0;
			while (true) {
				int l = 2 * i + 1, r = l + 1, largest = i;
				if (l < n && order.compare(heap[l], heap[largest]) > 0) {
					largest = l;
				}
				if (r < n && order.compare(heap[r], heap[largest]) > 0) {
					largest = r;
				}
				if (largest == i) {
					return;
				}
				int t = heap[i];
				heap[i] = heap[largest];
				heap[largest] = t;
				i = largest;
			}
		}

		/**
		 * Experts: the best class in which every pair of adjacent query words is adjacent (3 A, 2 B, 1 C, 0 none or one
		 * word), then the sum over the distinct words of the score of their best class, then the name order.
		 */
		private List<UUID> byRank(RoaringBitmap matched, List<String> sequence, List<String> distinct, long offset, int limit) {
			long k = Math.min(offset + limit, matched.getLongCardinality());
			if (k <= 0 || offset >= k) {
				return List.of();
			}
			// buckets, best first, such that every member of a bucket ranks before every member of the next: the phrase
			// classes (a phrase in a better class ranks first, whatever the word scores), or for one word its classes
			// (each of one score); only the buckets that hold the first k are ranked (an expert query matches tens of
			// thousands, a page is 20)
			var buckets = new ArrayList<RoaringBitmap>();
			var rest = matched.clone();
			if (sequence.size() >= 2) {
				for (int cls = 0; cls < 3 && !rest.isEmpty(); cls++) {
					RoaringBitmap phrase = rest.clone();
					for (int i = 0; i + 1 < sequence.size() && !phrase.isEmpty(); i++) {
						var bms = pairs.get(sequence.get(i) + " " + sequence.get(i + 1));
						if (bms == null || bms[cls] == null) {
							phrase = new RoaringBitmap();
						}
						else {
							phrase.and(bms[cls]);
						}
					}
					if (!phrase.isEmpty()) {
						rest.andNot(phrase);
						buckets.add(phrase);
					}
				}
			}
			else if (distinct.size() == 1) {
				var bms = words.get(distinct.get(0));
				for (int cls = 0; cls < CLASSES && !rest.isEmpty(); cls++) {
					if (bms[cls] != null) {
						var in = RoaringBitmap.and(rest, bms[cls]);
						if (!in.isEmpty()) {
							rest.andNot(in);
							buckets.add(in);
						}
					}
				}
			}
			buckets.add(rest);
			// one word: a bucket is one of its classes, all of one score
			boolean uniform = sequence.size() < 2 && distinct.size() == 1;
			var out = new int[(int) k];
			int n = 0;
			for (var bucket : buckets) {
				if (n == k) {
					break;
				}
				int take = (int) Math.min(k - n, bucket.getLongCardinality());
				var part = uniform ? firstIn(bucket, take, byName(false)) : rankWithin(bucket, distinct, take);
				System.arraycopy(part, 0, out, n, part.length);
				n += part.length;
			}
			return ids(out, (int) offset, n);
		}

		/**
		 * The {@code k} first of one bucket by word score (the sum over the words of the score of their best class),
		 * then name, scoring as few of its tens of thousands as the page allows. Every word in class A is the highest
		 * score there is: when {@code k} or more have it, the page is theirs in name order. Otherwise only the members
		 * with some word in class A are scored: every other member scores at most 5 a word (B), exactly that when every
		 * word is in B — those, and the scored ones with the same score, follow the scored ones above it in name order.
		 * When all of these are fewer than {@code k}, every member is scored.
		 */
		private int[] rankWithin(RoaringBitmap bucket, List<String> distinct, int k) {
			if (k == 0) {
				return new int[0];
			}
			var allA = bucket.clone();
			var anyA = new RoaringBitmap();
			for (var w : distinct) {
				var a = words.get(w)[0];
				if (a == null) {
					allA = new RoaringBitmap();
				}
				else {
					allA.and(a);
					anyA.or(RoaringBitmap.and(bucket, a));
				}
			}
			if (allA.getLongCardinality() >= k) {
				return firstIn(allA, k, byName(false));
			}
			var allB = RoaringBitmap.andNot(bucket, anyA);
			for (var w : distinct) {
				var b = words.get(w)[1];
				if (b == null) {
					allB = new RoaringBitmap();
					break;
				}
				allB.and(b);
			}
			int fiveEach = CLASS_SCORE[1] * distinct.size();
			var scored = new Scores(anyA, distinct);
			int above = 0;
			var equal = allB;
			for (int i = 0; i < scored.ords.length; i++) {
				if (scored.score[i] > fiveEach) {
					above++;
				}
				else if (scored.score[i] == fiveEach) {
					equal.add(scored.ords[i]);
				}
			}
			if (above >= k) {
				return scored.first(k);
			}
			if (above + equal.getLongCardinality() >= k) {
				var out = Arrays.copyOf(scored.first(above), k);
				System.arraycopy(firstIn(equal, k - above, byName(false)), 0, out, above, k - above);
				return out;
			}
			return new Scores(bucket, distinct).first(k);
		}

		/**
		 * The word scores of the members of a set, by position among them (not by ordinal: an array of the index's size
		 * per query would be a multi-megabyte allocation at 1M people); every bitmap below is a subset of them, walked in
		 * step.
		 */
		private final class Scores {
			final int[] ords;
			final int[] score;

			Scores(RoaringBitmap set, List<String> distinct) {
				ords = set.toArray();
				score = new int[ords.length];
				for (var w : distinct) {
					var bms = words.get(w);
					var done = new RoaringBitmap();
					for (int cls = 0; cls < CLASSES; cls++) {
						if (bms[cls] == null) {
							continue;
						}
						var in = RoaringBitmap.and(set, bms[cls]);
						in.andNot(done);
						done.or(in);
						add(in, ords, score, CLASS_SCORE[cls]);
					}
				}
			}

			/** The {@code k} first members by score, then name. */
			int[] first(int k) {
				if (k == 0) {
					return new int[0];
				}
				IntOrder byPosition = (x, y) -> {
					int c = Integer.compare(score[y], score[x]);
					return c != 0 ? c : compareNames(ords[x], ords[y]);
				};
				var positions = State.first(k, byPosition, consumer -> {
					for (int i = 0; i < ords.length; i++) {
						consumer.accept(i);
					}
				});
				var sorted = new int[positions.length];
				for (int i = 0; i < positions.length; i++) {
					sorted[i] = ords[positions[i]];
				}
				return sorted;
			}
		}

		/**
		 * Adds {@code points} to the score of every member of {@code subset} (ascending, within {@code ords}): each
		 * found from the last one by galloping (a word's class A is often a few people among tens of thousands).
		 */
		private static void add(RoaringBitmap subset, int[] ords, int[] score, int points) {
			if (points == 0) {
				return;
			}
			int[] at = { 0 };
			subset.forEach((int o) -> {
				int from = at[0];
				int step = 1;
				while (from + step < ords.length && ords[from + step] <= o) {
					from += step;
					step <<= 1;
				}
				int found = Arrays.binarySearch(ords, from, Math.min(ords.length, from + step + 1), o);
				score[found] += points;
				at[0] = found + 1;
			});
		}
	}

	@FunctionalInterface
	interface IntOrder {
		int compare(int a, int b);
	}

	/** The age band of a birth year in {@code year} (as {@link PeopleSearch}'s SQL computes it). */
	static String ageBand(int year, int birthYear) {
		int age = year - birthYear;
		return age < 30 ? "UNDER_30" : age <= 40 ? "30_40" : age <= 50 ? "41_50" : age <= 60 ? "51_60" : "OVER_60";
	}
}
