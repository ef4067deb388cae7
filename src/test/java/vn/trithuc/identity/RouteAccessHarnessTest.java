package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import vn.trithuc.IntegrationTest;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * The access harness: every endpoint registered in the application (controllers, API, actuator, API docs)
 * is called anonymously and with each role; anonymous callers must be sent to log in, roles outside the
 * endpoint's access rule must get 403, and allowed roles must not be refused. A new endpoint without an
 * access rule fails here the moment it lands.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessHarnessTest {

	/** The only routes anyone may open without logging in. Adding one is a security decision. */
	private static final Set<String> PUBLIC_ROUTES = Set.of("/login", "/login/second-factor", "/error", "/actuator/health",
			"/actuator/health/**", "/directory", "/invitation/*");

	@Autowired
	ApplicationContext context;
	@Autowired
	MockMvc mvc;
	@Autowired
	List<AccessRules> modules;
	@Autowired
	UserAdministration administration;

	private final List<AccessRule> rules = new ArrayList<>();

	@BeforeAll
	void oneRealAccountPerRole() {
		modules.forEach(m -> rules.addAll(m.accessRules()));
		for (var role : Role.values()) {
			var username = harnessUser(role);
			if (administration.findByUsername(username).isEmpty()) {
				administration.create(username, "Harness " + role, "", EnumSet.of(role));
			}
		}
	}

	@Test
	void the_harness_sees_the_endpoints_of_every_kind() {
		var paths = endpoints().stream().map(Endpoint::pattern).toList();
		assertThat(paths).contains("/", "/login", "/admin/users", "/admin/users/{id}", "/api/v1/identity/me",
				"/actuator/health");
	}

	@TestFactory
	Stream<DynamicTest> every_endpoint_refuses_anonymous_and_wrong_role_callers() {
		return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
			try {
				check(endpoint);
			}
			catch (Exception e) {
				throw new AssertionError(endpoint + ": " + e, e);
			}
		}));
	}

	private void check(Endpoint endpoint) throws Exception {
		var path = concretePath(endpoint.pattern());
		var rule = rules.stream().filter(r -> matches(r, endpoint.method(), path)).findFirst();
		assertThat(rule).as("access rule for %s (without one it is denied to everyone)", endpoint).isPresent();
		var access = rule.get();

		if (access.access() == AccessRule.Access.PUBLIC) {
			assertThat(PUBLIC_ROUTES).as("%s is public but not in the list of public routes", endpoint)
				.contains(access.pattern());
		}

		var anonymous = mvc.perform(request(endpoint.method(), path).with(csrf())).andReturn();
		if (access.allows(null)) {
			assertThat(anonymous.getResponse().getStatus()).as("anonymous %s", endpoint).isNotIn(401, 403);
		}
		else {
			assertRefusedAnonymous(endpoint, path, anonymous);
		}

		for (var role : Role.values()) {
			var result = mvc.perform(request(endpoint.method(), path).with(csrf())
				.with(user(harnessUser(role)).authorities(() -> role.authority()))).andReturn();
			int status = result.getResponse().getStatus();
			if (access.allows(role)) {
				assertThat(status).as("%s as %s must be allowed", endpoint, role).isNotIn(401, 403).isLessThan(500);
			}
			else {
				assertThat(status).as("%s as %s must be refused", endpoint, role).isEqualTo(403);
			}
		}
	}

	private static void assertRefusedAnonymous(Endpoint endpoint, String path, MvcResult anonymous) {
		int status = anonymous.getResponse().getStatus();
		if (path.startsWith("/api/")) {
			assertThat(status).as("anonymous %s", endpoint).isEqualTo(401);
		}
		else {
			assertThat(status).as("anonymous %s", endpoint).isEqualTo(302);
			assertThat(anonymous.getResponse().getRedirectedUrl()).as("anonymous %s", endpoint).endsWith("/login");
		}
	}

	private List<Endpoint> endpoints() {
		var endpoints = new TreeSet<Endpoint>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				var methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
						: info.getMethodsCondition().getMethods();
				for (var pattern : info.getPatternValues()) {
					methods.forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
				}
			}));
		return List.copyOf(endpoints);
	}

	private static boolean matches(AccessRule rule, HttpMethod method, String path) {
		return (rule.method() == null || rule.method().equals(method))
				&& PathPatternParser.defaultInstance.parse(rule.pattern()).matches(PathContainer.parsePath(path));
	}

	private static String concretePath(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
			.replace("/**", "/x").replace("*", "x");
	}

	private static MockHttpServletRequestBuilder request(HttpMethod method, String path) {
		return MockMvcRequestBuilders.request(method, path);
	}

	private static String harnessUser(Role role) {
		return "harness." + role.name().toLowerCase().replace('_', '-');
	}

	record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {
		@Override
		public int compareTo(Endpoint other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return method.name() + " " + pattern;
		}
	}
}
