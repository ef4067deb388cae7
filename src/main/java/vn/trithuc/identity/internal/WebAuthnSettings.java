package vn.trithuc.identity.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passkeys (WebAuthn): the relying party the browser binds a passkey to.
 *
 * @param rpId the relying party id: the site's host name (a passkey works on this host and its subdomains)
 * @param allowedOrigins the origins pages may ask for passkeys from (scheme, host, port), e.g.
 *        {@code https://trithuc.lamdong.gov.vn}; an origin ending in {@code :*} stands for the port this server
 *        actually listens on (tests run on a random port)
 */
@ConfigurationProperties("trithuc.identity.webauthn")
record WebAuthnSettings(@DefaultValue("localhost") String rpId,
		@DefaultValue("http://localhost:8080") List<String> allowedOrigins) {

	static final String RP_NAME = "TriThức";

	WebAuthnSettings {
		if (rpId == null || rpId.isBlank()) {
			rpId = "localhost";
		}
		allowedOrigins = allowedOrigins == null || allowedOrigins.isEmpty() ? List.of("http://localhost:8080")
				: List.copyOf(allowedOrigins);
	}

	/** The allowed origins once the server's port is known ({@code :*} replaced by it; dropped while unknown). */
	java.util.Set<String> originsFor(Integer port) {
		var origins = new java.util.LinkedHashSet<String>();
		for (var origin : allowedOrigins) {
			var trimmed = origin.strip();
			if (trimmed.endsWith(":*")) {
				if (port != null) {
					origins.add(trimmed.substring(0, trimmed.length() - 1) + port);
				}
			}
			else if (!trimmed.isEmpty()) {
				origins.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
			}
		}
		return origins;
	}
}
