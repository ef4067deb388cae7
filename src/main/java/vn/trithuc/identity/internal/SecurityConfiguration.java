package vn.trithuc.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;

/**
 * Form login, lockout, CSRF everywhere (htmx sends the token as a header from /js/app.js), a strict CSP
 * without inline scripts, and URL access from the modules' {@link AccessRules}; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** Routes of the page shell itself: static assets, login, errors, health probes, the home page. */
	@Bean
	@Order(0)
	AccessRules platformAccessRules() {
		return () -> List.of(
				AccessRule.publicAccess("/css/**"), AccessRule.publicAccess("/js/**"),
				AccessRule.publicAccess("/img/**"), AccessRule.publicAccess("/webjars/**"),
				AccessRule.publicAccess("/favicon.ico"), AccessRule.publicAccess("/error"),
				AccessRule.publicAccess("/login"), AccessRule.publicAccess("/login/second-factor"),
				// passkey at the login's second step (Spring Security filters; PasskeyLogin wants a pending login)
				AccessRule.publicAccess("/webauthn/authenticate/options"), AccessRule.publicAccess("/login/webauthn"),
				// registering a passkey: logged-in users only
				AccessRule.authenticated("/webauthn/register"), AccessRule.authenticated("/webauthn/register/**"),
				AccessRule.publicAccess("/actuator/health"),
				AccessRule.publicAccess("/actuator/health/**"),
				AccessRule.roles("/actuator/**", Role.SYSTEM_ADMINISTRATOR),
				AccessRule.authenticated("/api/docs"), AccessRule.authenticated("/api/docs.yaml"),
				AccessRule.authenticated("/api/docs/**"),
				AccessRule.authenticated("/swagger-ui/**"),
				AccessRule.authenticated("/"));
	}

	/**
	 * No observations of the security filter chain: Spring Security otherwise wraps each of its ≈ 15 filters, the
	 * authorization and the authentication in an observation on every request (2–3 % of a search request's CPU in a
	 * profile), and nobody reads them (no metrics endpoint is exposed).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<AccessRules> modules, LoginOutcomes outcomes,
			OidcSettings oidc, UserAccounts accounts, UserAdministration administration, SecurityEvents audit,
			TransactionTemplate transactions, Clock clock, WebAuthnSettings webAuthn, PasskeyLogin passkeyLogin,
			PublicKeyCredentialCreationOptionsRepository passkeyRegistrations,
			ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) throws Exception {
		var rules = new ArrayList<AccessRule>();
		modules.forEach(m -> rules.addAll(m.accessRules()));
		http.authorizeHttpRequests(authorize -> {
			rules.forEach(rule -> apply(authorize, rule));
			authorize.anyRequest().denyAll();
		});
		http.formLogin(form -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.successHandler(outcomes)
			.failureHandler(outcomes)
			.permitAll());
		if (oidc.enabled()) {
			var users = new OidcLogin(oidc, accounts, administration, audit, transactions, clock);
			http.oauth2Login(login -> login.loginPage("/login")
				.clientRegistrationRepository(new OidcLogin.LazyRegistrations(oidc))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
				.successHandler(outcomes)
				.failureHandler((request, response, exception) -> {
					var code = exception instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode() : "";
					var reason = switch (code) {
						case OidcLogin.UNKNOWN_USER -> "sso-unknown";
						case OidcLogin.ACCOUNT_UNAVAILABLE -> "disabled";
						default -> "sso-error";
					};
					response.sendRedirect(request.getContextPath() + "/login?" + reason);
				}));
		}
		// passkeys: registration for logged-in users, and the second step of a login (never a login on their own);
		// the relying party itself is PasskeyRepositories.RelyingParty (origins known once the port is)
		http.webAuthn(passkeys -> passkeys.rpName(WebAuthnSettings.RP_NAME)
			.rpId(webAuthn.rpId())
			.allowedOrigins(webAuthn.originsFor(null))
			.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(passkeyRegistrations)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationSuccessHandler(passkeyLogin);
					filter.setAuthenticationFailureHandler(passkeyLogin);
					filter.setSecurityContextRepository(outcomes.contexts);
					return filter;
				}
			}));
		http.logout(logout -> logout.logoutUrl("/logout")
			.logoutSuccessUrl("/login?logout")
			.deleteCookies("TRITHUC_SESSION"));
		http.csrf(csrf -> csrf.csrfTokenRequestHandler(new TokenOutsideUrls()));
		http.sessionManagement(session -> session.invalidSessionUrl("/login?expired"));
		http.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint())
			.accessDeniedHandler(accessDenied(handlerMappings)));
		http.addFilterAfter(new LoginSteps(), BasicAuthenticationFilter.class);
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), payment=()"))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
		return http.build();
	}

	private static void apply(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
			AccessRule rule) {
		var matcher = rule.method() == null ? authorize.requestMatchers(rule.pattern())
				: authorize.requestMatchers(rule.method(), rule.pattern());
		switch (rule.access()) {
			case PUBLIC -> matcher.permitAll();
			case AUTHENTICATED -> matcher.authenticated();
			case ROLES -> matcher.hasAnyAuthority(rule.roles().stream().map(Role::authority).toArray(String[]::new));
		}
	}

	/** Pages go to the login page; htmx requests are told to go there; the API answers 401 problem JSON. */
	private static AuthenticationEntryPoint entryPoint() {
		var login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			if (isApi(request)) {
				problem(response, HttpStatus.UNAUTHORIZED, "Chưa đăng nhập",
						"Cần đăng nhập để dùng API này.");
			}
			else if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				login.commence(request, response, exception);
			}
		};
	}

	/**
	 * 403, page or problem JSON; but a signed-in user asking for an address no controller answers (every address
	 * without an access rule is denied) is told it does not exist: 404.
	 */
	private static AccessDeniedHandler accessDenied(ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
		var pages = new AccessDeniedHandlerImpl();
		return (request, response, exception) -> {
			if (!(exception instanceof CsrfException) && !mapped(request, handlerMappings)) {
				if (isApi(request)) {
					problem(response, HttpStatus.NOT_FOUND, "Không tìm thấy", "Không có địa chỉ này.");
				}
				else {
					response.sendError(HttpServletResponse.SC_NOT_FOUND);
				}
			}
			else if (isApi(request)) {
				problem(response, HttpStatus.FORBIDDEN, "Không có quyền",
						"Tài khoản của bạn không có quyền thực hiện thao tác này.");
			}
			else {
				pages.handle(request, response, exception);
			}
		};
	}

	/** Whether a controller answers the request's address (with this method or another). */
	private static boolean mapped(HttpServletRequest request, ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
		boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			for (var mapping : mappings.orderedStream().toList()) {
				try {
					if (mapping.getHandler(request) != null) {
						return true;
					}
				}
				catch (Exception e) { // the address is known, for another method or content type
					return true;
				}
			}
			return false;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + detail + "\"}");
	}

	/**
	 * The CSRF token is read from the {@code X-CSRF-TOKEN} header (htmx, scripts) or a form field, never from the
	 * query string: a token in a URL leaks into access logs, browser history and the Referer header, so a request
	 * carrying one is refused as if it had none (a form that put it there fails loudly in the tests).
	 */
	static final class TokenOutsideUrls implements org.springframework.security.web.csrf.CsrfTokenRequestHandler {

		private final org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler delegate =
				new org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler();

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				java.util.function.Supplier<org.springframework.security.web.csrf.CsrfToken> token) {
			delegate.handle(request, response, token);
		}

		@Override
		public @org.jspecify.annotations.Nullable String resolveCsrfTokenValue(HttpServletRequest request,
				org.springframework.security.web.csrf.CsrfToken token) {
			var query = request.getQueryString();
			if (query != null && java.util.Arrays.stream(query.split("&"))
				.anyMatch(pair -> name(pair.split("=", 2)[0]).equals(token.getParameterName()))) {
				return null;
			}
			return delegate.resolveCsrfTokenValue(request, token);
		}

		private static String name(String encoded) {
			try {
				return java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException malformed) {
				return encoded;
			}
		}
	}
}
