package vn.trithuc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.test.web.servlet.MockMvc;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.SecurityEventType;

/**
 * The passkey plumbing without a browser: the relying party, registration options kept in a table (not the JDBC
 * session), and a passkey answer that comes without a pending password login.
 */
@IntegrationTest
class PasskeysTest {

	@LocalServerPort
	int port;
	@Autowired
	PasskeyRepositories.RelyingParty relyingParty;
	@Autowired
	PublicKeyCredentialCreationOptionsRepository registrations;
	@Autowired
	UserAdministration administration;
	@Autowired
	SecondFactors secondFactors;
	@Autowired
	MockMvc mvc;
	@Autowired
	UserAccounts accounts;
	@Autowired
	PublicKeyCredentialUserEntityRepository userEntities;
	@Autowired
	UserCredentialRepository credentials;
	@Autowired
	Passkeys passkeys;
	@Autowired
	SecurityEvents audit;

	@Test
	void the_relying_party_allows_the_test_servers_own_origin_only() {
		assertThat(relyingParty.allowedOrigins()).containsExactly("http://localhost:" + port);
		var settings = new WebAuthnSettings("trithuc.example.vn",
				List.of("https://trithuc.example.vn/", "http://localhost:*"));
		assertThat(settings.originsFor(null)).containsExactly("https://trithuc.example.vn");
		assertThat(settings.originsFor(8443)).containsExactly("https://trithuc.example.vn", "http://localhost:8443");
	}

	@Test
	void registration_options_wait_in_a_table_keyed_by_the_session_not_in_the_session() {
		var username = TestAccounts.ready(administration, "passkey.options", Role.LEADER);
		var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null, List.of());
		var options = relyingParty
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(authentication));
		var session = new MockHttpSession();
		var request = new MockHttpServletRequest();
		request.setSession(session);
		registrations.save(request, new MockHttpServletResponse(), options);
		assertThat(Collections.list(session.getAttributeNames())).isEmpty();

		var loaded = registrations.load(request);
		assertThat(loaded).isNotNull();
		assertThat(loaded.getChallenge()).isEqualTo(options.getChallenge());
		assertThat(loaded.getRp().getId()).isEqualTo("localhost");
		assertThat(loaded.getRp().getName()).isEqualTo("TriThức");
		assertThat(loaded.getUser().getId()).isEqualTo(options.getUser().getId());
		assertThat(loaded.getUser().getName()).isEqualTo(username);
		assertThat(loaded.getPubKeyCredParams()).extracting(p -> p.getAlg().getValue())
			.containsExactlyElementsOf(options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList());
		assertThat(loaded.getAuthenticatorSelection().getUserVerification().getValue())
			.isEqualTo(options.getAuthenticatorSelection().getUserVerification().getValue());

		var otherSession = new MockHttpServletRequest();
		otherSession.setSession(new MockHttpSession());
		assertThat(registrations.load(otherSession)).isNull();

		registrations.save(request, new MockHttpServletResponse(), null);
		assertThat(registrations.load(request)).isNull();
	}

	@Test
	void a_passkey_answer_without_a_pending_password_login_logs_nobody_in() throws Exception {
		var options = mvc.perform(post("/webauthn/authenticate/options").with(csrf())).andReturn().getResponse();
		assertThat(options.getStatus()).isEqualTo(200);
		assertThat(options.getContentAsString()).contains("\"challenge\"").contains("\"rpId\":\"localhost\"");

		var answer = mvc.perform(post("/login/webauthn").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andReturn().getResponse();
		assertThat(answer.getStatus()).isEqualTo(401);
		assertThat(answer.getContentAsString()).isEqualTo("{\"authenticated\":false,\"redirectUrl\":\"/login?expired\"}");
	}

	@Test
	void registering_a_passkey_needs_a_login() throws Exception {
		var anonymous = mvc.perform(post("/webauthn/register/options").with(csrf())).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isBetween(400, 403);
		assertThat(anonymous.getContentAsString()).doesNotContain("challenge");
		var username = TestAccounts.ready(administration, "passkey.register", Role.HR_OFFICER);
		var loggedIn = mvc.perform(post("/webauthn/register/options").with(csrf())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(username)
				.authorities(() -> Role.HR_OFFICER.authority())))
			.andReturn().getResponse();
		assertThat(loggedIn.getStatus()).isEqualTo(200);
		assertThat(loggedIn.getContentAsString()).contains("\"challenge\"").contains("\"name\":\"TriThức\"");
	}

	@Test
	void spring_securitys_sql_is_pointed_at_schema_identity() {
		assertThat(PasskeyRepositories.IdentitySchemaJdbc
			.qualify("SELECT label FROM user_credentials WHERE user_entity_user_id = ?"))
			.isEqualTo("SELECT label FROM identity.user_credentials WHERE user_entity_user_id = ?");
		assertThat(PasskeyRepositories.IdentitySchemaJdbc.qualify("DELETE FROM user_entities WHERE id = ? "))
			.isEqualTo("DELETE FROM identity.user_entities WHERE id = ? ");
	}

	@Test
	void a_passkey_satisfies_the_administrators_rule_and_an_administrators_reset_removes_it() {
		var username = TestAccounts.ready(administration, "passkey.admin", Role.SYSTEM_ADMINISTRATOR);
		var account = accounts.findByUsername(username).orElseThrow();
		assertThat(secondFactors.setupRequired(account)).isTrue();
		assertThat(secondFactors.enabled(username)).isFalse();

		var user = ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(username)
			.displayName(username).build();
		userEntities.save(user);
		credentials.save(ImmutableCredentialRecord.builder().credentialId(Bytes.random()).userEntityUserId(user.getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 })).credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.signatureCount(0).uvInitialized(true).backupEligible(false).backupState(false).transports(Set.of())
			.label("Khóa USB").created(Instant.now()).lastUsed(Instant.now()).build());

		assertThat(passkeys.list(username)).extracting(Passkeys.Passkey::label).containsExactly("Khóa USB");
		assertThat(secondFactors.setupRequired(accounts.findByUsername(username).orElseThrow())).isFalse();
		assertThat(secondFactors.enabled(username)).isTrue();
		assertThat(secondFactors.totpEnabled(username)).isFalse();
		assertThat(events(SecurityEventType.PASSKEY_REGISTERED, username)).isEqualTo(1);

		secondFactors.resetByAdministrator(account.id());
		assertThat(passkeys.list(username)).isEmpty();
		assertThat(secondFactors.enabled(username)).isFalse();
		assertThat(events(SecurityEventType.PASSKEY_REMOVED, username)).isEqualTo(1);
		assertThat(events(SecurityEventType.SECOND_FACTOR_RESET, username)).isEqualTo(1);
	}

	private long events(SecurityEventType type, String username) {
		return audit.search(new SecurityEvents.Filter(username, type, null, null), 0, 1).total();
	}
}
