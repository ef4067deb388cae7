package vn.trithuc.shared.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.shared.DemoDataContributor;
import vn.trithuc.shared.DemoMode;

/** Demo data: loaded once, recorded by the marker, never into a database holding real data. */
@IntegrationTest
class DemoDataLoaderTest {

	@Autowired
	JdbcClient jdbc;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	DemoMode demoMode;

	@AfterEach
	void removeMarker() {
		jdbc.sql("delete from shared.demo_data_marker").update();
	}

	@Test
	void the_test_profile_runs_without_demo_data() {
		assertThat(demoMode.isActive()).isFalse();
		assertThat(jdbc.sql("select count(*) from shared.demo_data_marker").query(Integer.class).single()).isZero();
	}

	@Test
	void demo_data_are_loaded_once_and_marked() {
		var module = new CountingContributor(false);
		var loader = loader(module);
		assertThat(loader.loadIfAllowed()).isEqualTo(DemoDataLoader.Outcome.LOADED);
		assertThat(loader.loadIfAllowed()).isEqualTo(DemoDataLoader.Outcome.ALREADY_LOADED);
		assertThat(module.loads.get()).isEqualTo(1);
		assertThat(jdbc.sql("select contributors from shared.demo_data_marker").query(String.class).single())
			.isEqualTo("CountingContributor");
	}

	@Test
	void demo_data_are_never_loaded_into_a_database_with_real_data() {
		var empty = new CountingContributor(false);
		var holdingRealData = new CountingContributor(true);
		assertThat(loader(empty, holdingRealData).loadIfAllowed()).isEqualTo(DemoDataLoader.Outcome.REAL_DATA_PRESENT);
		assertThat(empty.loads.get() + holdingRealData.loads.get()).isZero();
		assertThat(jdbc.sql("select count(*) from shared.demo_data_marker").query(Integer.class).single()).isZero();
	}

	private DemoDataLoader loader(DemoDataContributor... contributors) {
		return new DemoDataLoader(demoMode, List.of(contributors), jdbc, transactions, Clock.systemUTC());
	}

	static final class CountingContributor implements DemoDataContributor {
		final AtomicInteger loads = new AtomicInteger();
		final boolean realData;

		CountingContributor(boolean realData) {
			this.realData = realData;
		}

		@Override
		public int order() {
			return 0;
		}

		@Override
		public boolean holdsRealData() {
			return realData;
		}

		@Override
		public void load() {
			loads.incrementAndGet();
		}
	}
}
