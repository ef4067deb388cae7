package vn.trithuc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * Every form of the application (each POST route without a path variable whose page has a form) filled with
 * hostile values — markup, SQL and formula text, NUL and control characters, 20 000-character strings, impossible
 * dates and numbers, unknown enum values and ids — answers with a page or a redirect, never a 5xx or a stack trace.
 * The field names come from the form the page itself renders, so a new form is covered the day it lands.
 */
@IntegrationTest
@Tag("security")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFormInputTest {

	/** Forms whose submission has effects outside the application state a test may touch. */
	private static final Set<String> SKIPPED = Set.of("/logout", "/login", "/login/second-factor");
	private static final Pattern FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
	private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
	private static final Pattern FIELD = Pattern.compile("<(?:input|textarea|select)[^>]*name=\"([^\"]+)\"");
	private static final List<String> VALUES = List.of("<script>alert(1)</script>\"'><b>", "'; drop table x; --",
			"=HYPERLINK(\"http://x\")", "\u0000\u0001\u001f\u007f\u202e", "x".repeat(20_000), "31/02/2025", "99/99/99999",
			"-1", "1e309", "9999999999999999999999", "00000000-0000-0000-0000-000000000000", "NOT_A_KIND", "",
			"Nguye\u0303n Thi\u0323", "\uD800");

	@Autowired
	ApplicationContext context;
	@Autowired
	MockMvc mvc;
	@Autowired
	List<AccessRules> modules;
	@Autowired
	UserAdministration administration;

	@TestFactory
	Stream<DynamicTest> every_form_survives_hostile_values() throws Exception {
		var rules = new ArrayList<AccessRule>();
		modules.forEach(m -> rules.addAll(m.accessRules()));
		var posts = postRoutes();
		var tests = new ArrayList<DynamicTest>();
		var seen = new java.util.HashSet<String>();
		for (var path : getRoutes()) {
			var role = allowed(rules, HttpMethod.GET, path);
			if (role == null) {
				continue;
			}
			var username = TestAccounts.ready(administration, "hostile.form." + role.name().toLowerCase(), role);
			var page = mvc.perform(MockMvcRequestBuilders.get(path).with(user(username).authorities(() -> role.authority())))
				.andReturn().getResponse();
			page.setCharacterEncoding("UTF-8");
			if (page.getStatus() != 200 || page.getContentType() == null || !page.getContentType().startsWith("text/html")) {
				continue;
			}
			var forms = FORM.matcher(page.getContentAsString());
			while (forms.find()) {
				var action = ACTION.matcher(forms.group(0));
				var target = action.find() ? action.group(1).replace("&amp;", "&") : path;
				var route = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
				if (SKIPPED.contains(route) || !posts.contains(route) || forms.group(0).contains("multipart/form-data")) {
					continue;
				}
				var postRole = allowed(rules, HttpMethod.POST, route);
				if (postRole == null) {
					continue;
				}
				var fields = new LinkedHashSet<String>();
				var names = FIELD.matcher(forms.group(1));
				while (names.find()) {
					if (!names.group(1).equals("_csrf")) {
						fields.add(names.group(1));
					}
				}
				if (!seen.add(target)) {
					continue;
				}
				var postUser = TestAccounts.ready(administration, "hostile.form." + postRole.name().toLowerCase(), postRole);
				tests.add(DynamicTest.dynamicTest(target + " " + fields, () -> {
					for (var value : VALUES) {
						var request = MockMvcRequestBuilders.post(target).with(csrf())
							.with(user(postUser).authorities(() -> postRole.authority()))
							.characterEncoding(StandardCharsets.UTF_8);
						fields.forEach(f -> request.param(f, value));
						var response = mvc.perform(request).andReturn().getResponse();
						response.setCharacterEncoding("UTF-8");
						assertThat(response.getStatus()).as("%s with %s", target, value.length() > 40 ? "a long value" : value)
							.isLessThan(500);
						assertThat(response.getContentAsString()).doesNotContain("Exception", "\tat ", "java.lang");
					}
				}));
			}
		}
		assertThat(tests).as("forms found").hasSizeGreaterThanOrEqualTo(10);
		return tests.stream();
	}

	private static Role allowed(List<AccessRule> rules, HttpMethod method, String path) {
		var rule = rules.stream().filter(r -> (r.method() == null || r.method().equals(method))
				&& PathPatternParser.defaultInstance.parse(r.pattern()).matches(PathContainer.parsePath(path))).findFirst();
		if (rule.isEmpty()) {
			return null;
		}
		for (var role : List.of(Role.SYSTEM_ADMINISTRATOR, Role.HR_OFFICER, Role.PROGRAM_MANAGER, Role.UNIT_OFFICER,
				Role.LEADER, Role.INTELLECTUAL)) {
			if (rule.get().allows(role)) {
				return role;
			}
		}
		return null;
	}

	private Set<String> getRoutes() {
		return routes(RequestMethod.GET);
	}

	private Set<String> postRoutes() {
		return routes(RequestMethod.POST);
	}

	private Set<String> routes(RequestMethod wanted) {
		var paths = new TreeSet<String>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				var methods = info.getMethodsCondition().getMethods();
				if (wanted == RequestMethod.GET ? !methods.isEmpty() && !methods.contains(RequestMethod.GET)
						: !methods.contains(RequestMethod.POST)) {
					return;
				}
				for (var pattern : info.getPatternValues()) {
					if (!pattern.contains("{") && !pattern.contains("*") && !pattern.startsWith("/api/")
							&& !pattern.startsWith("/actuator") && !pattern.equals("/error")) {
						paths.add(pattern);
					}
				}
			}));
		return paths;
	}
}
