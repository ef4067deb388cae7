package vn.trithuc.identity.internal;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL written idempotently: a session or attribute saved twice in one request (the
 * response committed early, then the request ending; or two parallel requests) updates instead of failing
 * with a duplicate key. A session is saved when more than its last access changed, else once a minute
 * ({@link LastAccessThrottle}). Each session statement runs on its own, without a transaction around it: every request
 * reads its session, and a transaction's commit would be one more round trip to PostgreSQL each time (a session's rows
 * are all rewritten by the next save, so a save cut in half leaves nothing wrong).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Spring Session's own transactions (by this bean's name): none, and outside the request's own transaction if one
	 * is open when the session is saved (a response committed inside a read-only transaction) — as Spring Session's
	 * default (a new transaction) was, without its BEGIN and COMMIT.
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
		var operations = new TransactionTemplate(transactionManager);
		operations.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		return operations;
	}

	/** The application's transaction template (Spring Boot's backs off as soon as any TransactionOperations exists). */
	@Bean
	@Primary
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/** How old the stored last access of a session may grow before a request that only reads the session saves it. */
	static final Duration LAST_ACCESS_GRANULARITY = Duration.ofMinutes(1);

	/** Spring Session's repository behind {@link LastAccessThrottle}, which also checks a new login once stored. */
	@Bean
	static BeanPostProcessor lastAccessThrottle(ObjectProvider<LoginRights> rights) {
		return LastAccessThrottle.wrapping(LAST_ACCESS_GRANULARITY, rights);
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessions() {
		return repository -> {
			repository.setCreateSessionQuery("""
					INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (PRIMARY_ID) DO UPDATE SET SESSION_ID = EXCLUDED.SESSION_ID,
					LAST_ACCESS_TIME = EXCLUDED.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = EXCLUDED.MAX_INACTIVE_INTERVAL,
					EXPIRY_TIME = EXCLUDED.EXPIRY_TIME, PRINCIPAL_NAME = EXCLUDED.PRINCIPAL_NAME""");
		};
	}
}
