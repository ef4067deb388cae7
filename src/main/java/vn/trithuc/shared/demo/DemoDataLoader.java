package vn.trithuc.shared.demo;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.shared.DemoDataContributor;
import vn.trithuc.shared.DemoMode;

/**
 * Loads every module's demo data once, in demo mode, into a database holding no real data, and records
 * that it did with a marker row ({@code shared.demo_data_marker}).
 */
@Component
@Order(100)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DemoMode demoMode;
	private final List<DemoDataContributor> contributors;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DemoDataLoader(DemoMode demoMode, List<DemoDataContributor> contributors, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.demoMode = demoMode;
		this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demoMode.isActive()) {
			loadIfAllowed();
		}
	}

	/** @return what happened, for the log and for tests */
	Outcome loadIfAllowed() {
		return transactions.execute(status -> {
			if (markerPresent()) {
				return Outcome.ALREADY_LOADED;
			}
			if (contributors.stream().anyMatch(DemoDataContributor::holdsRealData)) {
				log.warn("Demo mode: the database already holds real data, no demo data loaded");
				return Outcome.REAL_DATA_PRESENT;
			}
			contributors.forEach(DemoDataContributor::load);
			jdbc.sql("insert into shared.demo_data_marker (id, loaded_at, contributors) values (1, :at, :names)")
				.param("at", java.sql.Timestamp.from(clock.instant()))
				.param("names", String.join(",", contributors.stream().map(c -> c.getClass().getSimpleName()).toList()))
				.update();
			log.info("Demo mode: demo data loaded ({} modules)", contributors.size());
			return Outcome.LOADED;
		});
	}

	boolean markerPresent() {
		return jdbc.sql("select count(*) from shared.demo_data_marker").query(Integer.class).single() > 0;
	}

	enum Outcome {
		LOADED, ALREADY_LOADED, REAL_DATA_PRESENT
	}
}
