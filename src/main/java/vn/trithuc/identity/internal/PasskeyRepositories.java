package vn.trithuc.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.trithuc.identity.SecurityEventType;

/**
 * Where passkeys live: Spring Security's JDBC repositories on tables in schema {@code identity} (their SQL names
 * the tables unqualified, {@link IdentitySchemaJdbc} qualifies it), registrations under way in
 * {@code identity.passkey_registration} (the options are not Serializable, so not in the JDBC session), and the
 * relying party "TriThức" with the origins of {@link WebAuthnSettings}.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyRepositories {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUserEntities(DataSource dataSource) {
		return new JdbcPublicKeyCredentialUserEntityRepository(new IdentitySchemaJdbc(dataSource));
	}

	@Bean
	UserCredentialRepository passkeyCredentials(DataSource dataSource, PublicKeyCredentialUserEntityRepository users,
			SecurityEvents audit) {
		return new AuditedCredentials(new JdbcUserCredentialRepository(new IdentitySchemaJdbc(dataSource)), users,
				audit);
	}

	@Bean
	PublicKeyCredentialCreationOptionsRepository passkeyRegistrations(JdbcClient jdbc, Clock clock) {
		return new JdbcRegistrations(jdbc, clock);
	}

	@Bean
	RelyingParty passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials, WebAuthnSettings settings) {
		return new RelyingParty(users, credentials, settings);
	}

	/** Spring Security's WebAuthn SQL names its tables without a schema; ours are in {@code identity}. */
	static final class IdentitySchemaJdbc extends JdbcTemplate {

		private static final Pattern TABLES = Pattern.compile("\\b(user_entities|user_credentials)\\b");

		IdentitySchemaJdbc(DataSource dataSource) {
			super(dataSource);
		}

		static String qualify(String sql) {
			return TABLES.matcher(sql).replaceAll("identity.$1");
		}

		@Override
		public <T> List<T> query(String sql, RowMapper<T> rowMapper, @Nullable Object... args)
				throws DataAccessException {
			return super.query(qualify(sql), rowMapper, args);
		}

		@Override
		public int update(String sql, @Nullable PreparedStatementSetter pss) throws DataAccessException {
			return super.update(qualify(sql), pss);
		}
	}

	/** Passkeys registered and removed go to the security audit log (updates after a login do not). */
	static final class AuditedCredentials implements UserCredentialRepository {

		private final UserCredentialRepository delegate;
		private final PublicKeyCredentialUserEntityRepository users;
		private final SecurityEvents audit;

		AuditedCredentials(UserCredentialRepository delegate, PublicKeyCredentialUserEntityRepository users,
				SecurityEvents audit) {
			this.delegate = delegate;
			this.users = users;
			this.audit = audit;
		}

		@Override
		public void delete(Bytes credentialId) {
			var existing = delegate.findByCredentialId(credentialId);
			delegate.delete(credentialId);
			if (existing != null) {
				audit.record(SecurityEventType.PASSKEY_REMOVED, owner(existing), existing.getLabel());
			}
		}

		@Override
		public void save(CredentialRecord record) {
			boolean isNew = delegate.findByCredentialId(record.getCredentialId()) == null;
			delegate.save(record);
			if (isNew) {
				audit.record(SecurityEventType.PASSKEY_REGISTERED, owner(record), record.getLabel());
			}
		}

		@Override
		public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
			return delegate.findByCredentialId(credentialId);
		}

		@Override
		public List<CredentialRecord> findByUserId(Bytes userId) {
			return delegate.findByUserId(userId);
		}

		private @Nullable String owner(CredentialRecord record) {
			var user = users.findById(record.getUserEntityUserId());
			return user == null ? null : user.getName();
		}
	}

	/**
	 * Registration options by a SHA-256 hash of the session id, for as long as the browser may take (the options'
	 * timeout, at most 10 minutes). Only what checking the answer needs is kept.
	 */
	static final class JdbcRegistrations implements PublicKeyCredentialCreationOptionsRepository {

		private static final Duration LONGEST = Duration.ofMinutes(10);
		private final JdbcClient jdbc;
		private final Clock clock;

		JdbcRegistrations(JdbcClient jdbc, Clock clock) {
			this.jdbc = jdbc;
			this.clock = clock;
		}

		@Override
		public void save(HttpServletRequest request, HttpServletResponse response,
				@Nullable PublicKeyCredentialCreationOptions options) {
			var now = clock.instant();
			jdbc.sql("delete from identity.passkey_registration where expires_at < :now")
				.param("now", java.sql.Timestamp.from(now)).update();
			var session = request.getSession(options != null);
			if (session == null) {
				return;
			}
			var key = SecondFactors.sha256(session.getId());
			jdbc.sql("delete from identity.passkey_registration where session_hash = :key").param("key", key).update();
			if (options == null) {
				return;
			}
			var timeout = options.getTimeout() == null || options.getTimeout().compareTo(LONGEST) > 0 ? LONGEST
					: options.getTimeout();
			var selection = options.getAuthenticatorSelection();
			jdbc.sql("""
					insert into identity.passkey_registration (session_hash, expires_at, rp_id, rp_name, user_id, user_name,
					  user_display_name, challenge, algorithms, user_verification, resident_key, timeout_millis)
					values (:key, :expires, :rpId, :rpName, :userId, :userName, :displayName, :challenge, :algorithms,
					  :userVerification, :residentKey, :timeout)""")
				.param("key", key)
				.param("expires", java.sql.Timestamp.from(now.plus(timeout).plusSeconds(30)))
				.param("rpId", options.getRp().getId())
				.param("rpName", options.getRp().getName())
				.param("userId", options.getUser().getId().toBase64UrlString())
				.param("userName", options.getUser().getName())
				.param("displayName", options.getUser().getDisplayName())
				.param("challenge", options.getChallenge().toBase64UrlString())
				.param("algorithms", options.getPubKeyCredParams().stream().map(p -> String.valueOf(p.getAlg().getValue()))
					.collect(Collectors.joining(",")))
				.param("userVerification", selection == null || selection.getUserVerification() == null ? null
						: selection.getUserVerification().getValue())
				.param("residentKey", selection == null || selection.getResidentKey() == null ? null
						: selection.getResidentKey().getValue())
				.param("timeout", options.getTimeout() == null ? null : options.getTimeout().toMillis())
				.update();
		}

		@Override
		public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
			var session = request.getSession(false);
			if (session == null) {
				return null;
			}
			return jdbc.sql("select * from identity.passkey_registration where session_hash = :key and expires_at > :now")
				.param("key", SecondFactors.sha256(session.getId()))
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.query((rs, row) -> {
					var selection = AuthenticatorSelectionCriteria.builder();
					var verification = userVerification(rs.getString("user_verification"));
					if (verification != null) {
						selection.userVerification(verification);
					}
					if (rs.getString("resident_key") != null) {
						selection.residentKey(ResidentKeyRequirement.valueOf(rs.getString("resident_key")));
					}
					long timeout = rs.getLong("timeout_millis");
					var builder = PublicKeyCredentialCreationOptions.builder()
						.rp(PublicKeyCredentialRpEntity.builder().id(rs.getString("rp_id")).name(rs.getString("rp_name"))
							.build())
						.user(ImmutablePublicKeyCredentialUserEntity.builder()
							.id(Bytes.fromBase64(rs.getString("user_id")))
							.name(rs.getString("user_name"))
							.displayName(rs.getString("user_display_name"))
							.build())
						.challenge(Bytes.fromBase64(rs.getString("challenge")))
						.pubKeyCredParams(algorithms(rs.getString("algorithms")))
						.authenticatorSelection(selection.build());
					if (!rs.wasNull()) {
						builder.timeout(Duration.ofMillis(timeout));
					}
					return builder.build();
				})
				.optional().orElse(null);
		}

		private static @Nullable UserVerificationRequirement userVerification(@Nullable String value) {
			for (var candidate : List.of(UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
					UserVerificationRequirement.DISCOURAGED)) {
				if (candidate.getValue().equals(value)) {
					return candidate;
				}
			}
			return null;
		}

		private static List<PublicKeyCredentialParameters> algorithms(String list) {
			var known = List.of(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
					PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
					PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
					PublicKeyCredentialParameters.RS512, PublicKeyCredentialParameters.RS1);
			return Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(Long::parseLong)
				.flatMap(alg -> known.stream().filter(p -> p.getAlg().getValue() == alg).limit(1))
				.toList();
		}
	}

	/**
	 * Spring Security's relying party (webauthn4j) for "TriThức", made again once the server knows its port, so
	 * that an allowed origin ending in {@code :*} means this server's own port.
	 */
	static final class RelyingParty implements WebAuthnRelyingPartyOperations,
			ApplicationListener<WebServerInitializedEvent> {

		private final PublicKeyCredentialUserEntityRepository users;
		private final UserCredentialRepository credentials;
		private final WebAuthnSettings settings;
		private volatile Webauthn4JRelyingPartyOperations delegate;
		private volatile Set<String> origins;

		RelyingParty(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
				WebAuthnSettings settings) {
			this.users = users;
			this.credentials = credentials;
			this.settings = settings;
			configure(null);
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			if (event.getApplicationContext().getServerNamespace() == null) {
				configure(event.getWebServer().getPort());
			}
		}

		private void configure(@Nullable Integer port) {
			origins = Set.copyOf(settings.originsFor(port));
			delegate = new Webauthn4JRelyingPartyOperations(users, credentials,
					PublicKeyCredentialRpEntity.builder().id(settings.rpId()).name(WebAuthnSettings.RP_NAME).build(),
					origins);
		}

		Set<String> allowedOrigins() {
			return origins;
		}

		@Override
		public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
				PublicKeyCredentialCreationOptionsRequest request) {
			return delegate.createPublicKeyCredentialCreationOptions(request);
		}

		@Override
		public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
			return delegate.registerCredential(request);
		}

		@Override
		public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
				PublicKeyCredentialRequestOptionsRequest request) {
			return delegate.createCredentialRequestOptions(request);
		}

		@Override
		public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
			return delegate.authenticate(request);
		}
	}
}
