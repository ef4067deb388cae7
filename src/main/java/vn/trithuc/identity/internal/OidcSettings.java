package vn.trithuc.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with a provincial or national OpenID Connect provider.
 *
 * @param enabled show the single sign-on button and accept its logins
 * @param issuerUri the provider's issuer (its discovery document is read on the first login)
 * @param clientId the client registered for TriThức at the provider
 * @param clientSecret its secret (from the environment, never in the repository)
 * @param usernameClaim the ID-token claim holding the user name or e-mail address of the TriThức account
 * @param autoProvisioning create an unknown user on first login (role intellectual only); off by default
 */
@ConfigurationProperties("trithuc.identity.oidc")
public record OidcSettings(boolean enabled, String issuerUri, String clientId, String clientSecret,
		@DefaultValue("preferred_username") String usernameClaim, boolean autoProvisioning) {

	/** The registration id in the callback URL /login/oauth2/code/{id}. */
	public static final String REGISTRATION_ID = "sso";
}
