package vn.trithuc.identity.internal;

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
 * with a duplicate key. The last access is written once a minute, not on every request. Each session statement runs
 * on its own, without a transaction around it: every request reads its session, and a transaction's commit would be
 * one more round trip to PostgreSQL each time (a session's rows are all rewritten by the next save, so a save cut in
 * half leaves nothing wrong).
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

	/**
	 * A session's last access is written at most once a minute: every request sets it, and Spring Session updates the
	 * session's row each time — a new row version in four indexes and WAL per request, a sixth of a search request's
	 * time at one client. The update (its parameters bound in Spring Session's order) leaves the row alone when the
	 * id, timeout and principal are unchanged and the last access written is less than {@value #LAST_ACCESS_GRANULARITY_MILLIS}
	 * ms old. So a session expires after its timeout of inactivity, less up to a minute; the sessions page shows
	 * the last activity to the minute.
	 */
	static final long LAST_ACCESS_GRANULARITY_MILLIS = 60_000;

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessions() {
		return repository -> {
			repository.setCreateSessionQuery("""
					INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (PRIMARY_ID) DO UPDATE SET SESSION_ID = EXCLUDED.SESSION_ID,
					LAST_ACCESS_TIME = EXCLUDED.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = EXCLUDED.MAX_INACTIVE_INTERVAL,
					EXPIRY_TIME = EXCLUDED.EXPIRY_TIME, PRINCIPAL_NAME = EXCLUDED.PRINCIPAL_NAME""");
			repository.setUpdateSessionQuery("""
					UPDATE %TABLE_NAME% AS S SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
					MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME
					FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
					CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
					CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) AS V
					WHERE S.PRIMARY_ID = V.PRIMARY_ID AND (S.SESSION_ID <> V.SESSION_ID
					OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
					OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= """ + LAST_ACCESS_GRANULARITY_MILLIS + ")");
		};
	}
}
