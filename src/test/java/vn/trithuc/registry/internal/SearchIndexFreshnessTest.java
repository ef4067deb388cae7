package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.hr;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;

/**
 * The search index follows the registry: what this instance commits (registration, change, new part, merge) is
 * searchable through the index before the call returns; what another instance writes (here: plain SQL, as another
 * instance's statements would) is seen after the next poll, merges included.
 */
@IntegrationTest
class SearchIndexFreshnessTest {

	@Autowired
	Profiles profiles;
	@Autowired
	PeopleSearch search;
	@Autowired
	SearchIndex index;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;
	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@BeforeEach
	void loaded() throws InterruptedException {
		assertThat(index.awaitReady(60, TimeUnit.SECONDS)).isTrue();
	}

	/** Through the index only (fails if the index cannot answer). */
	private List<UUID> find(String text, boolean experts) {
		var result = search.indexed(new PeopleSearch.Query(text, Map.of(), 0, 20, experts), hr());
		assertThat(result).as("answered by the index").isNotNull();
		return result.rows().stream().map(PeopleSearch.Row::id).toList();
	}

	private int version(UUID id) {
		return jdbc.sql("select version from registry.person where id = :id").param("id", id).query(Integer.class).single();
	}

	@Test
	void changes_committed_here_are_searchable_before_the_call_returns() {
		var given = uniqueToken("Tuoi");
		var id = ((Profiles.Created) profiles.register(person("Hoàng", "Minh", given, Sex.MALE, LocalDate.of(1985, 3, 1)),
				"test")).id();
		assertThat(find(given, false)).containsExactly(id);

		var renamed = uniqueToken("Moi");
		profiles.update(id, version(id), person("Hoàng", "Minh", renamed, Sex.MALE, LocalDate.of(1985, 3, 1)), "test");
		assertThat(find(renamed, false)).containsExactly(id);
		assertThat(find(given, false)).isEmpty();

		var keyword = uniqueToken("chuyenmon");
		profiles.addPart(id, version(id), PartKind.EXPERTISE, null, null, Map.of("field", "62", "keywords", keyword), "test");
		assertThat(find(keyword, true)).containsExactly(id);

		var other = ((Profiles.Created) profiles.register(person("Hoàng", "Minh", renamed, Sex.MALE, LocalDate.of(1990, 3, 1)),
				"test")).id();
		assertThat(find(renamed, false)).containsExactlyInAnyOrder(id, other);
		profiles.merge(id, version(id), other, "test");
		assertThat(find(renamed, false)).containsExactly(id);
	}

	@Test
	void changes_written_by_another_instance_are_seen_after_a_poll() {
		var given = uniqueToken("Xa");
		var id = ((Profiles.Created) profiles.register(person("Vũ", "Thị", given, Sex.FEMALE, LocalDate.of(1979, 5, 2)),
				"test")).id();
		var other = ((Profiles.Created) profiles.register(person("Vũ", "Thị", given, Sex.FEMALE, LocalDate.of(1981, 5, 2)),
				"test")).id();
		var renamed = uniqueToken("Khac");
		var folded = renamed.toLowerCase(java.util.Locale.ROOT);
		jdbc.sql("""
				update registry.person set given_name = :g, name_tokens = array['vu', 'thi', :t], version = version + 1,
				  updated_at = now() where id = :id""").param("g", renamed).param("t", folded).param("id", id).update();
		jdbc.sql("update registry.person set merged_into = :s, version = version + 1, updated_at = now() where id = :m")
			.param("s", id).param("m", other).update();
		try {
			assertThat(find(renamed, false)).as("not before a poll").isEmpty();
			assertThat(find(given, false)).containsExactlyInAnyOrder(id, other);

			index.poll();
			assertThat(find(renamed, false)).containsExactly(id);
			assertThat(find(given, false)).isEmpty();
		}
		finally {
			// what the merging instance publishes to its own listeners: the analytics copy (shared tables) follows
			transactions.executeWithoutResult(s -> events.publishEvent(
					new vn.trithuc.registry.PeopleMerged(new vn.trithuc.registry.PersonId(id), new vn.trithuc.registry.PersonId(other))));
		}
	}

	@Test
	void the_nightly_refresh_of_derived_columns_run_by_another_instance_is_seen_after_a_poll() throws InterruptedException {
		var given = uniqueToken("Dem");
		var id = ((Profiles.Created) profiles.register(person("Đỗ", "Văn", given, Sex.MALE, LocalDate.of(1970, 1, 2)),
				"test")).id();
		var talent = new PeopleSearch.Query(given, Map.of("talent", "true"), 0, 20);
		assertThat(search.indexed(talent, hr()).rows()).isEmpty();
		var before = jdbc.sql("select refreshed_through from registry.derived_refresh where id = 1").query(LocalDate.class)
			.optional();
		try {
			// what DerivedFlags does on another instance: derived columns without updated_at, then the day refreshed
			jdbc.sql("update registry.person set talent = true where id = :id").param("id", id).update();
			jdbc.sql("""
					insert into registry.derived_refresh (id, refreshed_through) values (1, :day)
					on conflict (id) do update set refreshed_through = excluded.refreshed_through""")
				.param("day", before.orElse(LocalDate.of(2000, 1, 1)).minusDays(1)).update();
			index.poll();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (search.indexed(talent, hr()).rows().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(search.indexed(talent, hr()).rows()).extracting(PeopleSearch.Row::id).containsExactly(id);
		}
		finally {
			jdbc.sql("update registry.person set talent = false where id = :id").param("id", id).update();
			if (before.isPresent()) {
				jdbc.sql("update registry.derived_refresh set refreshed_through = :day where id = 1").param("day", before.get())
					.update();
			}
			else {
				jdbc.sql("delete from registry.derived_refresh where id = 1").update();
			}
			index.refresh(List.of(id));
		}
	}
}
