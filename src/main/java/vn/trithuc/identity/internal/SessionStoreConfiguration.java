package vn.trithuc.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL written idempotently: a session or attribute saved twice in one request (the
 * response committed early, then the request ending; or two parallel requests) updates instead of failing
 * with a duplicate key.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessions() {
		return repository -> repository.setCreateSessionQuery("""
				INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (PRIMARY_ID) DO UPDATE SET SESSION_ID = EXCLUDED.SESSION_ID,
				LAST_ACCESS_TIME = EXCLUDED.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = EXCLUDED.MAX_INACTIVE_INTERVAL,
				EXPIRY_TIME = EXCLUDED.EXPIRY_TIME, PRINCIPAL_NAME = EXCLUDED.PRINCIPAL_NAME""");
	}
}
