package vn.trithuc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.WebClientSession.FilePart;
import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * The CSRF token never appears in a URL (it would leak into access logs, browser history and the Referer header):
 * every page of the application, rendered for a role that may open it, has no {@code _csrf=} in any attribute;
 * no template builds a URL with it; no script appends it. Multipart uploads carry it as a form field and still
 * work; an upload without it, or with it only in the query string, is refused and stores nothing.
 */
@IntegrationTest
@Tag("security")
class CsrfTokenPlacementTest {

	private static final Pattern TOKEN_IN_URL = Pattern.compile("_csrf=");
	/** Pages that carry a form with a path variable the enumeration cannot fill. */
	private static final List<String> EXTRA_PAGES = List.of("/catalog/lists/ethnic-groups/import",
			"/catalog/lists/state-management-levels/import");

	@LocalServerPort
	int port;
	@Autowired
	ApplicationContext context;
	@Autowired
	MockMvc mvc;
	@Autowired
	List<AccessRules> modules;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;

	@Test
	void no_page_renders_the_token_into_a_url() throws Exception {
		var rules = new ArrayList<AccessRule>();
		modules.forEach(m -> rules.addAll(m.accessRules()));
		var pages = new ArrayList<String>(pagesWithoutVariables());
		pages.addAll(EXTRA_PAGES);
		int withForms = 0;
		var checked = new TreeSet<String>();
		for (var path : pages) {
			var rule = rules.stream().filter(r -> matches(r, path)).findFirst();
			if (rule.isEmpty()) {
				continue;
			}
			for (var role : Role.values()) {
				if (!rule.get().allows(role)) {
					continue;
				}
				var response = mvc.perform(MockMvcRequestBuilders.get(path)
					.with(user(TestAccounts.ready(administration, "csrf.pages." + role.name().toLowerCase(), role))
						.authorities(() -> role.authority())))
					.andReturn().getResponse();
				var type = response.getContentType();
				if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
					continue;
				}
				response.setCharacterEncoding("UTF-8");
				var html = response.getContentAsString();
				assertThat(TOKEN_IN_URL.matcher(html).find()).as("%s as %s has the CSRF token in a URL", path, role).isFalse();
				if (html.contains("<form") && html.contains("name=\"_csrf\"")) {
					withForms++;
				}
				checked.add(path);
			}
		}
		assertThat(checked).as("the pages were really rendered").hasSizeGreaterThan(30)
			.contains("/registry/import", "/orgunit/operations/import", "/planning/needs/import", "/admin/users/new")
			.containsAll(EXTRA_PAGES);
		assertThat(withForms).as("pages with a form that carries the token as a field").isGreaterThan(20);
	}

	@Test
	void no_template_or_script_puts_the_token_into_a_url() throws IOException {
		var offenders = new ArrayList<String>();
		for (var root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/resources/static/js"))) {
			try (Stream<Path> files = Files.walk(root)) {
				for (var file : files.filter(Files::isRegularFile).toList()) {
					var text = Files.readString(file, StandardCharsets.UTF_8);
					// a URL expression @{…(_csrf=…)} in a template, or a script appending _csrf= to a URL
					if (Pattern.compile("@\\{[^}]*_csrf").matcher(text).find() || text.contains("_csrf=")) {
						offenders.add(file.toString());
					}
				}
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void uploads_carry_the_token_in_the_body_and_a_token_in_the_query_string_is_refused() {
		var hr = TestAccounts.loggedIn(port, administration, "csrf.upload.hr", Role.HR_OFFICER);
		var form = hr.get("/orgunit/operations/import");
		assertThat(form.body()).contains("enctype=\"multipart/form-data\"").doesNotContain("_csrf=");
		var token = WebClientSession.csrfToken(form.body());
		var file = new FilePart("file", "don-vi.xlsx", BadFiles.xlsx(new String[] { "x" }, new String[] { "y" }));
		long units = count();

		// the token as a form field: the upload reaches the import, which reports the wrong columns
		var accepted = hr.postMultipart("/orgunit/operations/import", Map.of("_csrf", token), List.of(file));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body()).contains("Tệp có", "lỗi; chưa đơn vị nào được nhập");

		// without a token, and with the token only in the URL: refused, nothing stored
		var without = hr.postMultipart("/orgunit/operations/import", Map.of(), List.of(file));
		assertThat(without.status()).isEqualTo(403);
		assertThat(without.body()).contains("Không có quyền").doesNotContain("Exception");
		var inUrl = hr.postMultipart("/orgunit/operations/import?_csrf=" + token, Map.of(), List.of(file));
		assertThat(inUrl.status()).as("a token in the query string is not accepted").isEqualTo(403);
		var both = hr.postMultipart("/orgunit/operations/import?_csrf=" + token, Map.of("_csrf", token), List.of(file));
		assertThat(both.status()).as("a request that carries the token in its URL is refused even with the field")
			.isEqualTo(403);
		assertThat(count()).isEqualTo(units);
	}

	private long count() {
		return jdbc.sql("select count(*) from orgunit.org_unit").query(Long.class).single();
	}

	private Set<String> pagesWithoutVariables() {
		var paths = new TreeSet<String>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				var methods = info.getMethodsCondition().getMethods();
				if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
					return;
				}
				for (var pattern : info.getPatternValues()) {
					if (!pattern.contains("{") && !pattern.contains("*") && !pattern.startsWith("/api/")
							&& !pattern.startsWith("/actuator") && !pattern.equals("/logout") && !pattern.equals("/error")) {
						paths.add(pattern);
					}
				}
			}));
		return paths;
	}

	private static boolean matches(AccessRule rule, String path) {
		return (rule.method() == null || rule.method().equals(HttpMethod.GET))
				&& PathPatternParser.defaultInstance.parse(rule.pattern()).matches(PathContainer.parsePath(path));
	}
}
