package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;
import static vn.trithuc.registry.internal.RegistryFixtures.withPhone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;

/**
 * 50 officers save one profile at the same moment, each from the version they loaded: every save is either
 * applied or refused as a conflict (never lost), the final version counts the applied ones, and the change log
 * holds exactly one entry per applied save.
 */
@IntegrationTest
@Tag("reliability")
class ConcurrentUpdatesReliabilityTest {

	private static final int EDITORS = 50;

	@Autowired
	Profiles profiles;
	@Autowired
	JdbcClient jdbc;

	@Test
	void fifty_parallel_updates_of_one_profile_lose_nothing() throws Exception {
		var base = person("Phạm", "Minh", uniqueToken("Chau"), Sex.MALE, LocalDate.of(1979, 9, 2));
		var id = ((Profiles.Created) profiles.register(base, "rel.hr")).id();
		int initial = profiles.load(id).orElseThrow().version();

		var applied = new ConcurrentHashMap<String, Integer>(); // phone → version it created
		var refused = new ConcurrentHashMap<String, String>();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(16);
		long began = System.nanoTime();
		try {
			var futures = new ArrayList<Future<?>>();
			for (int i = 0; i < EDITORS; i++) {
				var phone = String.format("09%08d", 10_000_000 + i);
				futures.add(pool.submit(() -> {
					start.await();
					var loaded = profiles.load(id).orElseThrow();
					Thread.sleep(ThreadLocalRandom.current().nextInt(15)); // the officer types
					try {
						applied.put(phone, profiles.update(id, loaded.version(), withPhone(loaded.data(), phone), "rel." + phone));
					}
					catch (OptimisticLockingFailureException conflict) {
						refused.put(phone, conflict.getMessage());
					}
					return null;
				}));
			}
			start.countDown();
			for (var future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long millis = (System.nanoTime() - began) / 1_000_000;

		assertThat(applied.size() + refused.size()).isEqualTo(EDITORS);
		assertThat(applied).isNotEmpty();
		assertThat(refused.values()).allSatisfy(m -> assertThat(m).contains("changed since version"));
		var last = profiles.load(id).orElseThrow();
		assertThat(last.version()).isEqualTo(initial + applied.size());
		assertThat(Set.copyOf(applied.values())).hasSize(applied.size()); // every applied save made its own version
		var newest = applied.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
		assertThat(last.data().phone()).isEqualTo(newest.getKey());

		var logged = jdbc.sql("""
				select version, actor, new_value from registry.change_log
				where person_id = :id and version > :initial and field = 'phone' order by version""")
			.param("id", id).param("initial", initial)
			.query((rs, n) -> Map.entry(rs.getString(3), rs.getInt(1))).list();
		assertThat(logged).hasSize(applied.size());
		assertThat(new HashSet<>(logged)).isEqualTo(new HashSet<>(applied.entrySet()));
		assertThat(jdbc.sql("select count(distinct version) from registry.change_log where person_id = :id and version > :initial")
			.param("id", id).param("initial", initial).query(Long.class).single()).isEqualTo(applied.size());
		System.out.printf("RELIABILITY 50 parallel updates: %d applied, %d refused as conflicts, %d ms%n",
				applied.size(), refused.size(), millis);
	}
}
