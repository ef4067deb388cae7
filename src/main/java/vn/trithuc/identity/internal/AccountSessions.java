package vn.trithuc.identity.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.trithuc.identity.SecurityEventType;

/**
 * The log-ins of a user, as Spring Session JDBC keeps them in PostgreSQL: list them, end one, or (an
 * administrator) end all. Sessions are named by a hash of their id so that no session id reaches a page.
 */
@Service
public class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;
	private final UserAccounts accounts;
	private final SecurityEvents audit;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions, UserAccounts accounts,
			SecurityEvents audit) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.audit = audit;
	}

	/** The user's sessions, the most recently used first. */
	public List<SessionView> of(String username, String currentSessionId) {
		return sessions.findByPrincipalName(username).values().stream()
			.map(s -> new SessionView(handle(s.getId()), s.getCreationTime(), s.getLastAccessedTime(),
					s.getAttribute(LoginOutcomes.REMOTE_ADDRESS), s.getAttribute(LoginOutcomes.USER_AGENT),
					s.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SessionView::lastAccess).reversed())
			.toList();
	}

	/** The user ends one of their own sessions. @return false when no such session of theirs exists */
	public boolean revoke(String username, String handle) {
		var match = sessions.findByPrincipalName(username).keySet().stream().filter(id -> handle(id).equals(handle))
			.findFirst();
		match.ifPresent(id -> {
			sessions.deleteById(id);
			audit.record(SecurityEventType.SESSION_REVOKED, username, null);
		});
		return match.isPresent();
	}

	/** An administrator ends every session of a user. @return how many were ended */
	public int endAll(UUID userId) {
		var account = accounts.findById(userId).orElseThrow(() -> new UserAdministration.UnknownUserException(userId));
		var ids = List.copyOf(sessions.findByPrincipalName(account.username()).keySet());
		ids.forEach(sessions::deleteById);
		audit.record(SecurityEventType.SESSIONS_ENDED, account.username(), String.valueOf(ids.size()));
		return ids.size();
	}

	/**
	 * Ends every session of a user whose rights changed — disabled, other roles, another scope — once the change is
	 * committed (at once outside a transaction): a session holds the roles and the scope it logged in with, and a
	 * request in flight must not write them back. No entry of its own (the change is audited).
	 */
	void endAllAfterChange(String username) {
		Runnable end = () -> List.copyOf(sessions.findByPrincipalName(username).keySet()).forEach(sessions::deleteById);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					end.run();
				}
			});
		}
		else {
			end.run();
		}
	}

	static String handle(String sessionId) {
		return SecondFactors.sha256("session:" + sessionId).substring(0, 24);
	}

	public record SessionView(String handle, Instant created, Instant lastAccess, String remoteAddress,
			String userAgent, boolean current) {
	}
}
