package vn.trithuc.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC, saving a session only when something of it changed beyond its last access, or when the last
 * access stored is {@code granularity} old. Spring Session sets the last access on every request and then saves the
 * session: one UPDATE a request (a round trip to PostgreSQL, and a new row version in four indexes and WAL when it
 * writes). Here a request that only read its session writes nothing; attributes set or removed, a new session id, a
 * new timeout and a new session are saved as Spring Session saves them. A session therefore ends after its timeout of
 * inactivity less up to {@code granularity}, and the sessions page shows the last activity to that granularity.
 *
 * <p>A session that a login stored its security context in is checked once it is saved: when the login no longer
 * holds ({@link LoginRights}: an administrator took a role away or disabled the account meanwhile) it is deleted
 * again. The check runs after the save, so no change of rights slips between them: one committed before the check is
 * seen by it, one committed after it finds the saved session and ends it ({@link AccountSessions#endAllAfterChange}).
 *
 * <p>Applied to Spring Boot's {@link JdbcIndexedSessionRepository} bean once it is initialised (its clean-up of
 * expired sessions and its shutdown stay its own): {@link #wrapping(Duration, ObjectProvider)}.
 */
final class LastAccessThrottle implements FindByIndexNameSessionRepository<LastAccessThrottle.TrackedSession> {

	/** The JDBC repository, its sessions seen as {@link Session} (their class is not public). */
	private final FindByIndexNameSessionRepository<Session> sessions;
	private final Duration granularity;
	private final Predicate<Authentication> loginHolds;

	@SuppressWarnings("unchecked")
	LastAccessThrottle(JdbcIndexedSessionRepository sessions, Duration granularity, Predicate<Authentication> loginHolds) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) sessions;
		this.granularity = granularity;
		this.loginHolds = loginHolds;
	}

	/** The post-processor that puts the throttle in front of the JDBC session repository bean. */
	static BeanPostProcessor wrapping(Duration granularity, ObjectProvider<LoginRights> rights) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository jdbc
						? new LastAccessThrottle(jdbc, granularity, login -> rights.getObject().hold(login)) : bean;
			}
		};
	}

	@Override
	public TrackedSession createSession() {
		return new TrackedSession(sessions.createSession(), null);
	}

	@Override
	public void save(TrackedSession session) {
		var stored = session.storedLastAccess;
		if (session.changed || stored == null
				|| Duration.between(stored, session.getLastAccessedTime()).compareTo(granularity) >= 0) {
			sessions.save(session.session);
			session.storedLastAccess = session.getLastAccessedTime();
			session.changed = false;
		}
		if (session.loggedIn) {
			session.loggedIn = false;
			var context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			if (context instanceof SecurityContext security && security.getAuthentication() != null
					&& !loginHolds.test(security.getAuthentication())) {
				sessions.deleteById(session.getId());
			}
		}
	}

	@Override
	public @Nullable TrackedSession findById(String id) {
		var session = sessions.findById(id);
		return session == null ? null : new TrackedSession(session, session.getLastAccessedTime());
	}

	@Override
	public void deleteById(String id) {
		sessions.deleteById(id);
	}

	@Override
	public Map<String, TrackedSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		var found = new LinkedHashMap<String, TrackedSession>();
		sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new TrackedSession(session, session.getLastAccessedTime())));
		return found;
	}

	/** A JDBC session that knows whether anything beyond its last access changed since it was read or saved. */
	static final class TrackedSession implements Session {

		private final Session session;
		/** The last access as PostgreSQL holds it; null for a session not saved yet. */
		private @Nullable Instant storedLastAccess;
		private boolean changed;
		/** A security context was set: a login (or a step of one) to check once saved. */
		private boolean loggedIn;

		TrackedSession(Session session, @Nullable Instant storedLastAccess) {
			this.session = session;
			this.storedLastAccess = storedLastAccess;
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return session.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			changed = true;
			loggedIn |= HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY.equals(attributeName);
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}
	}
}
