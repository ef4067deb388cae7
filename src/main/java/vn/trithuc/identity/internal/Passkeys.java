package vn.trithuc.identity.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's passkeys (WebAuthn credentials) as the account pages see them. Registering one goes through Spring
 * Security's {@code /webauthn/register} endpoints (see {@link SecurityConfiguration}).
 */
@Service
@Transactional
public class Passkeys {

	private final PublicKeyCredentialUserEntityRepository users;
	private final UserCredentialRepository credentials;

	Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
		this.users = users;
		this.credentials = credentials;
	}

	/** The passkeys of {@code username}, oldest first. */
	@Transactional(readOnly = true)
	public List<Passkey> list(String username) {
		var user = users.findByUsername(UserAccount.normaliseUsername(username));
		if (user == null) {
			return List.of();
		}
		return credentials.findByUserId(user.getId()).stream()
			.map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
			.sorted(Comparator.comparing(Passkey::created, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean any(String username) {
		return !list(username).isEmpty();
	}

	/** Removes one of the user's own passkeys. @return false when the user has no passkey with that id */
	public boolean remove(String username, String credentialId) {
		if (credentialId == null || !credentialId.matches("[A-Za-z0-9_-]{1,1000}")) {
			return false;
		}
		var user = users.findByUsername(UserAccount.normaliseUsername(username));
		var id = Bytes.fromBase64(credentialId);
		var credential = credentials.findByCredentialId(id);
		if (user == null || credential == null || !credential.getUserEntityUserId().equals(user.getId())) {
			return false;
		}
		credentials.delete(id);
		return true;
	}

	/** Removes all passkeys of a user (an administrator resets the second factor). */
	public void removeAll(String username) {
		var user = users.findByUsername(UserAccount.normaliseUsername(username));
		if (user != null) {
			credentials.findByUserId(user.getId()).forEach(c -> credentials.delete(c.getCredentialId()));
		}
	}

	/** @param id the credential id, base64url */
	public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
	}
}
