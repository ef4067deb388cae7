package vn.trithuc.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * <p>Applied to Spring Boot's {@link JdbcIndexedSessionRepository} bean once it is initialised (its clean-up of
 * expired sessions and its shutdown stay its own): {@link #wrapping(Duration)}.
 */
final class LastAccessThrottle implements FindByIndexNameSessionRepository<LastAccessThrottle.TrackedSession> {

	/** The JDBC repository, its sessions seen as {@link Session} (their class is not public). */
	private final FindByIndexNameSessionRepository<Session> sessions;
	private final Duration granularity;

	@SuppressWarnings("unchecked")
	LastAccessThrottle(JdbcIndexedSessionRepository sessions, Duration granularity) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) sessions;
		this.granularity = granularity;
	}

	/** The post-processor that puts the throttle in front of the JDBC session repository bean. */
	static BeanPostProcessor wrapping(Duration granularity) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository jdbc ? new LastAccessThrottle(jdbc, granularity) : bean;
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
