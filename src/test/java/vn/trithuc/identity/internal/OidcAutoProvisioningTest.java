package vn.trithuc.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.OidcTestProvider;
import vn.trithuc.identity.Role;

/**
 * Auto-provisioning (off in the shared context, so the mapping is built here with it on) against tokens
 * issued by the real in-process provider: an unknown user becomes an intellectual, nothing more.
 */
@IntegrationTest
class OidcAutoProvisioningTest {

	@Autowired
	UserAccounts accounts;
	@Autowired
	UserAdministration administration;
	@Autowired
	SecurityEvents audit;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;

	@Test
	void with_auto_provisioning_an_unknown_user_is_created_as_intellectual_only() {
		var user = login(true, "Tran.Van.Moi@lamdong.gov.vn", "Trần Văn Mới");
		assertThat(user.getName()).isEqualTo("tran.van.moi");
		var created = administration.findByUsername("tran.van.moi").orElseThrow();
		assertThat(created.roles()).containsExactly(Role.INTELLECTUAL);
		assertThat(created.displayName()).isEqualTo("Trần Văn Mới");
		assertThat(created.email()).isEqualTo("tran.van.moi@lamdong.gov.vn");
		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_INTELLECTUAL");
		assertThat(jdbc.sql("select count(*) from identity.security_event where event_type = 'USER_CREATED'"
				+ " and subject = 'tran.van.moi' and actor = 'system'").query(Long.class).single()).isEqualTo(1);
		// the second login finds the account made at the first
		assertThat(login(true, "tran.van.moi@lamdong.gov.vn", "Trần Văn Mới").getName()).isEqualTo("tran.van.moi");
	}

	@Test
	void without_auto_provisioning_an_unknown_user_is_refused() {
		assertThatThrownBy(() -> login(false, "khong.co.ai", "Không Có Ai"))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.extracting(e -> ((OAuth2AuthenticationException) e).getError().getErrorCode())
			.isEqualTo(OidcLogin.UNKNOWN_USER);
		assertThat(administration.findByUsername("khong.co.ai")).isEmpty();
	}

	private org.springframework.security.oauth2.core.oidc.user.OidcUser login(boolean autoProvisioning, String claim,
			String name) {
		var settings = new OidcSettings(true, OidcTestProvider.issuer(), "trithuc-test", "test-secret",
				"preferred_username", autoProvisioning);
		var registration = new OidcLogin.LazyRegistrations(settings).findByRegistrationId(OidcSettings.REGISTRATION_ID);
		var jwt = OidcTestProvider.server().issueToken(OidcTestProvider.ISSUER_ID, "subject-" + claim, "trithuc-test",
				Map.of("preferred_username", claim, "name", name), 3600);
		var claims = jwt.getPayload().toJSONObject();
		var issuedAt = Instant.now().minusSeconds(5);
		var idToken = new OidcIdToken(jwt.serialize(), issuedAt, issuedAt.plusSeconds(3600), claims);
		var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.serialize(), issuedAt,
				issuedAt.plusSeconds(3600), java.util.Set.of("openid"));
		var login = new OidcLogin(settings, accounts, administration, audit, transactions, Clock.systemUTC());
		return login.loadUser(new OidcUserRequest(registration, accessToken, idToken));
	}
}
