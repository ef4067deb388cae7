package vn.trithuc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
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
import vn.trithuc.identity.AccessRule;
import vn.trithuc.identity.AccessRules;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.program.Inspections;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.Programs;
import vn.trithuc.program.UnitReports;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.PartKind;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.RegistryFixtures;
import vn.trithuc.registry.internal.SavedSearches;
import vn.trithuc.registry.internal.SelfService;

/**
 * The scope-isolation harness with data. For every endpoint whose path carries a variable (enumerated from the
 * request mappings, like {@code RouteAccessHarnessTest}) a data provider creates real data in unit A and names the
 * roles whose reach is bounded by a unit scope. The endpoint is then called
 * <ul>
 * <li>by a user of each such role scoped to unit B: 403 or 404, never 200 or 5xx (and nothing changed);</li>
 * <li>by a user of every role the access rule does not allow (scoped to B): 403;</li>
 * <li>by the same role scoped to unit A (the control that proves the data is real): neither 403/404 nor 5xx.</li>
 * </ul>
 * Reference data (code lists, administrative units, the organisation tree, program definitions, user
 * administration) is registered as unscoped with the reason; its providers still supply real ids. A new
 * id-bearing route without a provider fails {@link #every_id_bearing_route_has_a_data_provider()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeIsolationHarnessTest {

	/** Roles whose reach a unit scope bounds in the registry ({@code RegistryScope}); intellectuals reach themselves. */
	private static final Set<Role> REGISTRY_SCOPED = EnumSet.of(Role.UNIT_OFFICER, Role.HR_OFFICER, Role.LEADER,
			Role.INTELLECTUAL);
	/** Import jobs: HR officers scoped to a unit reach the jobs uploaded within it (administrators reach every job). */
	private static final Set<Role> IMPORT_SCOPED = EnumSet.of(Role.HR_OFFICER);
	/** Unit reports, inspections and recommendations: unit officers reach their units' ones ({@code ReportScope}). */
	private static final Set<Role> REPORT_SCOPED = EnumSet.of(Role.UNIT_OFFICER);

	@Autowired
	ApplicationContext context;
	@Autowired
	MockMvc mvc;
	@Autowired
	List<AccessRules> modules;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Profiles profiles;
	@Autowired
	SelfService selfService;
	@Autowired
	Programs programs;
	@Autowired
	vn.trithuc.program.UnitPlans unitPlans;
	@Autowired
	vn.trithuc.program.ReviewReports reviewReports;
	@Autowired
	UnitReports reports;
	@Autowired
	Inspections inspections;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	vn.trithuc.registry.internal.Erasures erasures;
	@Autowired
	SavedSearches savedSearches;
	@Autowired
	vn.trithuc.registry.internal.SpreadsheetImport imports;

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final List<AccessRule> rules = new ArrayList<>();
	private final Map<String, Supplier<Probe>> providers = new LinkedHashMap<>();

	private UUID unitA;
	private UUID unitB;
	private ProgramId program;
	private UUID reportingUnitA;
	private UUID periodA;

	/**
	 * What to call and who is bounded by scope.
	 *
	 * @param path the concrete path with the ids of data in unit A
	 * @param params request parameters (form fields) that also name data of unit A
	 * @param scopedRoles roles a unit scope bounds for this data; empty for reference data
	 * @param unchanged for endpoints that answer a redirect whatever happens: proof that nothing changed
	 */
	record Probe(String path, Map<String, String> params, Set<Role> scopedRoles, @Nullable BooleanSupplier unchanged,
			@Nullable String unscopedReason, boolean control) {

		static Probe scoped(String path, Set<Role> roles) {
			return new Probe(path, Map.of(), roles, null, null, true);
		}

		static Probe reference(String path, String reason) {
			return new Probe(path, Map.of(), Set.of(), null, reason, true);
		}

		Probe with(String name, String value) {
			var p = new HashMap<>(params);
			p.put(name, value);
			return new Probe(path, p, scopedRoles, unchanged, unscopedReason, control);
		}

		Probe unchangedWhen(BooleanSupplier check) {
			return new Probe(path, params, scopedRoles, check, unscopedReason, control);
		}

		/** Reference data without a stored row to point at (only the role refusals are checked). */
		Probe withoutControl() {
			return new Probe(path, params, scopedRoles, unchanged, unscopedReason, false);
		}
	}

	@BeforeAll
	void twoUnitsTheirUsersAndTheProviders() {
		modules.forEach(m -> rules.addAll(m.accessRules()));
		unitA = operations.create(NewUnit.of("ISO" + run + "A", "Trường cô lập A " + run, OrgUnitKind.OTHER, null),
				LocalDate.of(2020, 1, 1), Decision.NONE).value();
		unitB = operations.create(NewUnit.of("ISO" + run + "B", "Trường cô lập B " + run, OrgUnitKind.OTHER, null),
				LocalDate.of(2020, 1, 1), Decision.NONE).value();
		for (var role : Role.values()) {
			account("a", role, unitA);
			account("b", role, unitB);
		}
		personIn(unitA, userName("a", Role.INTELLECTUAL));
		personIn(unitB, userName("b", Role.INTELLECTUAL));
		program = programs.importSeedProgram("iso");
		reportingUnitA = reports.addUnit(program, "Đảng ủy cô lập A " + run, unitA);
		reports.addUnit(program, "Đảng ủy cô lập B " + run, unitB);
		var today = LocalDate.now();
		periodA = reports.openPeriod(program, PeriodKind.AD_HOC, "Đột xuất cô lập " + run,
				new UnitReports.PeriodDates(today.minusDays(10), today.minusMonths(6), today.minusDays(1), today.plusDays(30)),
				"iso");
		registerProviders();
	}

	private void registerProviders() {
		// ---------------------------------------------------------------- registry: people of unit A
		for (var p : List.of("GET /registry/people/{id}", "GET /api/v1/registry/people/{id}", "GET /registry/people/{id}/edit",
				"GET /registry/people/{id}/parts/new", "GET /registry/people/{id}/history")) {
			provide(p, () -> Probe.scoped(expand(p, personIn(unitA, null)), REGISTRY_SCOPED));
		}
		provide("POST /registry/people/{id}/edit", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/edit", REGISTRY_SCOPED).with("version", "1")
				.with("familyName", "Đổi").with("givenName", "Tên").with("sex", "MALE").unchangedWhen(() -> version(id) == 2);
		});
		provide("POST /registry/people/{id}/parts/new", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/parts/new", REGISTRY_SCOPED).with("version", "2")
				.with("kind", "TALENT").with("reason", "Thử").unchangedWhen(() -> version(id) == 2);
		});
		provide("POST /registry/people/{id}/parts/{partId}/end", () -> {
			var id = personIn(unitA, null);
			var part = jdbc.sql("select id from registry.person_part where person_id = :p").param("p", id).query(UUID.class)
				.single();
			return Probe.scoped("/registry/people/" + id + "/parts/" + part + "/end", REGISTRY_SCOPED).with("version", "2")
				.unchangedWhen(() -> version(id) == 2);
		});
		// correcting or deleting a part entered wrongly: the same reach as ending it
		provide("GET /registry/people/{id}/parts/{partId}/edit", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/parts/" + onlyPart(id) + "/edit", REGISTRY_SCOPED);
		});
		provide("POST /registry/people/{id}/parts/{partId}/edit", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/parts/" + onlyPart(id) + "/edit", REGISTRY_SCOPED)
				.with("version", "2").with("validFrom", "01/01/2021").with("orgUnit", unitA.toString())
				.with("jobTitle", "Đổi chức vụ").with("personnelCategory", "PUBLIC_EMPLOYEE")
				.unchangedWhen(() -> version(id) == 2);
		});
		provide("POST /registry/people/{id}/parts/{partId}/delete", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/parts/" + onlyPart(id) + "/delete", REGISTRY_SCOPED)
				.with("version", "2").unchangedWhen(() -> version(id) == 2);
		});
		provide("POST /registry/people/{id}/merge", () -> {
			var id = personIn(unitA, null);
			var other = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/merge", REGISTRY_SCOPED).with("version", "2")
				.with("other", other.toString()).unchangedWhen(() -> version(id) == 2);
		});
		// a photo: shown where the profile is, set and removed by those who edit it
		provide("GET /registry/people/{id}/photo", () -> {
			var id = personIn(unitA, null);
			profiles.setPhoto(id, 2, vn.trithuc.registry.internal.PhotoPolicy.normalise(tinyJpeg()), "iso");
			return Probe.scoped("/registry/people/" + id + "/photo", REGISTRY_SCOPED);
		});
		provide("POST /registry/people/{id}/photo", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/photo", REGISTRY_SCOPED).with("version", "2")
				.unchangedWhen(() -> !profiles.hasPhoto(id) && version(id) == 2);
		});
		provide("POST /registry/people/{id}/photo/delete", () -> {
			var id = personIn(unitA, null);
			profiles.setPhoto(id, 2, vn.trithuc.registry.internal.PhotoPolicy.normalise(tinyJpeg()), "iso");
			return Probe.scoped("/registry/people/" + id + "/photo/delete", REGISTRY_SCOPED).with("version", "3")
				.unchangedWhen(() -> profiles.hasPhoto(id));
		});
		provide("POST /registry/requests/{id}/approve", () -> Probe.scoped("/registry/requests/" + request() + "/approve",
				REGISTRY_SCOPED));
		provide("POST /registry/requests/{id}/return", () -> Probe.scoped("/registry/requests/" + request() + "/return",
				REGISTRY_SCOPED).with("reason", "Thiếu minh chứng"));
		provide("GET /registry/requests/{id}/files/{fileId}", () -> {
			var person = personIn(unitA, null);
			var request = selfService.propose(person, SelfService.CONTACT, null, null, Map.of("phone", "0912345678"), null,
					List.of(new vn.trithuc.registry.internal.EvidenceFilePolicy.Upload("the.pdf",
							"%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))), "iso");
			var file = selfService.ofPerson(person).get(0).files().get(0).id();
			return Probe.scoped("/registry/requests/" + request + "/files/" + file, REGISTRY_SCOPED);
		});
		// a returned request is corrected and sent again only by its own person (another intellectual: 404)
		provide("GET /registry/me/requests/{id}/resubmit", () -> {
			var own = jdbc.sql("select id from registry.person where user_account = :u")
				.param("u", userName("a", Role.INTELLECTUAL)).query(UUID.class).single();
			var request = selfService.propose(own, SelfService.CONTACT, null, null, Map.of("phone", "0912345678"), null, "iso");
			selfService.giveBack(selfService.ofPerson(own).stream().filter(r -> r.id().equals(request)).findFirst().orElseThrow(),
					"iso", "Thiếu minh chứng");
			return Probe.scoped("/registry/me/requests/" + request + "/resubmit", EnumSet.of(Role.INTELLECTUAL));
		});
		for (var p : List.of("POST /registry/erasures/{id}/execute", "POST /registry/erasures/{id}/refuse")) {
			provide(p, () -> {
				var person = personIn(unitA, null, "ENTERPRISE");
				var task = erasures.request(person, null, "iso").orElseThrow();
				return Probe.scoped(expand(p, task), REGISTRY_SCOPED).with("reason", "Không");
			});
		}
		provide("POST /registry/people/{id}/invite", () -> {
			var id = personIn(unitA, null);
			return Probe.scoped("/registry/people/" + id + "/invite", REGISTRY_SCOPED)
				.unchangedWhen(() -> jdbc.sql("select count(*) from registry.invitation where person_id = :p").param("p", id)
					.query(Long.class).single() == 0);
		});
		// an invitation link is public: the one-time, expiring token is the secret
		provide("GET /invitation/{token}", () -> Probe.reference("/invitation/" + "x".repeat(43), "public invitation link"));
		provide("POST /invitation/{token}", () -> Probe.reference("/invitation/" + "x".repeat(43), "public invitation link")
			.with("password", "Mật-khẩu-2026!").with("confirmation", "Mật-khẩu-2026!"));
		provide("POST /registry/duplicates/{id}/register",
				() -> Probe.scoped("/registry/duplicates/" + duplicateOf(personIn(unitA, null)) + "/register", REGISTRY_SCOPED));
		provide("POST /registry/duplicates/{id}/discard",
				() -> Probe.scoped("/registry/duplicates/" + duplicateOf(personIn(unitA, null)) + "/discard", REGISTRY_SCOPED));
		// import jobs are bound to their uploader's scope: a job uploaded by an officer scoped to unit A
		for (var p : List.of("GET /registry/import/{id}", "GET /registry/import/{id}/progress",
				"GET /registry/import/{id}/errors.xlsx")) {
			provide(p, () -> Probe.scoped(expand(p, importJobIn(unitA)), IMPORT_SCOPED));
		}
		provide("POST /registry/import/{id}/apply", () -> {
			var job = importJobIn(unitA);
			return Probe.scoped("/registry/import/" + job + "/apply", IMPORT_SCOPED)
				.unchangedWhen(() -> importStatus(job).equals("DRY_RUN"));
		});
		provide("POST /registry/import/{id}/mapping", () -> {
			var job = importJobIn(unitA);
			return Probe.scoped("/registry/import/" + job + "/mapping", IMPORT_SCOPED).with("column.0", "fullName")
				.unchangedWhen(() -> jdbc.sql("select count(*) from registry.import_job where id = :id and mapping is null")
					.param("id", job).query(Long.class).single() == 1);
		});

		// ---------------------------------------------------------------- program: reports of unit A
		for (var p : List.of("GET /program/reports/{reportId}", "POST /program/reports/{reportId}",
				"POST /program/reports/{reportId}/submit", "POST /program/reports/{reportId}/return",
				"POST /program/reports/{reportId}/accept", "POST /program/reports/{reportId}/reopen")) {
			provide(p, () -> Probe.scoped(expand(p, reportOfA()), REPORT_SCOPED).with("version", "0"));
		}
		provide("GET /program/inspections/{inspectionId}", () -> Probe.scoped("/program/inspections/" + inspectionOfA(),
				REPORT_SCOPED));
		provide("POST /program/inspections/{inspectionId}", () -> Probe.scoped("/program/inspections/" + inspectionOfA(),
				REPORT_SCOPED).with("heldOn", "01/01/2026").with("findings", "Đã kiểm tra"));
		provide("POST /program/inspections/{inspectionId}/recommendations", () -> Probe.scoped(
				"/program/inspections/" + inspectionOfA() + "/recommendations", REPORT_SCOPED).with("text", "Bổ sung")
			.with("dueOn", "01/01/2027"));
		provide("POST /program/recommendations/{recommendationId}/respond", () -> {
			var recommendation = recommendationOfA();
			return Probe.scoped("/program/recommendations/" + recommendation + "/respond", REPORT_SCOPED)
				.with("version", "0").with("text", "Đã khắc phục")
				.unchangedWhen(() -> responses(recommendation) == 0);
		});
		provide("POST /program/recommendations/{recommendationId}/close", () -> {
			var recommendation = recommendationOfA();
			return Probe.scoped("/program/recommendations/" + recommendation + "/close", REPORT_SCOPED)
				.with("version", "0").with("text", "Đóng");
		});
		// a dissemination session names its unit in the form: unit officers record only their own units' sessions
		provide("POST /program/programs/{id}/dissemination", () -> Probe.scoped(
				"/program/programs/" + program.id() + "/dissemination", REPORT_SCOPED).with("unitId", reportingUnitA.toString())
			.with("heldOn", "01/03/2026").with("form", "IN_PERSON").with("title", "Quán triệt cô lập " + run)
			.unchangedWhen(() -> jdbc.sql("select count(*) from program.dissemination_session where title = :t")
				.param("t", "Quán triệt cô lập " + run).query(Long.class).single() == 0));
		// grassroots plans: a unit officer makes and fills only the plans of their units
		provide("POST /program/programs/{id}/plans", () -> Probe.scoped("/program/programs/" + program.id() + "/plans",
				REPORT_SCOPED).with("unit", reportingUnitA.toString()).with("title", "Kế hoạch cô lập " + run)
			.unchangedWhen(() -> jdbc.sql("select count(*) from program.unit_plan where title = :t")
				.param("t", "Kế hoạch cô lập " + run).query(Long.class).single() == 0));
		provide("POST /program/plans/{planId}/tasks", () -> Probe.scoped("/program/plans/" + planOfA() + "/tasks",
				REPORT_SCOPED).with("parent", firstItem().toString()).with("text", "Nhiệm vụ cô lập " + run)
			.unchangedWhen(() -> jdbc.sql("select count(*) from program.plan_task where text = :t")
				.param("t", "Nhiệm vụ cô lập " + run).query(Long.class).single() == 0));
		// notices belong to one user: another user (of any role, here those of unit B) never reads or marks them
		provide("POST /notices/{id}/read", () -> {
			var notice = noticeOf(userName("a", Role.UNIT_OFFICER));
			return Probe.scoped("/notices/" + notice + "/read", EnumSet.of(Role.UNIT_OFFICER, Role.LEADER))
				.unchangedWhen(() -> jdbc.sql("select count(*) from program.notice where id = :id and read_at is null")
					.param("id", notice).query(Long.class).single() == 1);
		});
		String consolidated = "review reports consolidate every unit for the commission and leaders; no personal data";
		for (var p : List.of("GET /program/reviews/{id}", "GET /program/reviews/{id}/chart.svg",
				"GET /program/reviews/{id}/docx", "GET /program/reviews/{id}/pdf")) {
			provide(p, () -> Probe.reference(expand(p, reviewOfA()), consolidated));
		}
		provide("POST /program/reviews/{id}/sections/{section}", () -> Probe.reference(
				"/program/reviews/" + reviewOfA() + "/sections/LESSONS", consolidated).with("revision", "1").with("text", "Bài học"));
		provide("POST /program/periods/{periodId}/reviews", () -> Probe.reference("/program/periods/" + periodA + "/reviews",
				consolidated));
		provide("GET /program/plans/{planId}", () -> Probe.reference("/program/plans/" + planOfA(),
				"a grassroots plan is the program's public follow-up, shown on the program's tasks; no personal data"));
		String programWide = "the program, its periods and completeness are province-wide, not personal data";
		for (var p : List.of("GET /program/programs/{id}", "POST /program/programs/{id}/link-org-units",
				"GET /program/programs/{id}/completeness", "POST /program/programs/{id}/periods",
				"GET /program/programs/{id}/reporting", "POST /program/programs/{id}/units",
				"GET /program/programs/{id}/dissemination", "GET /program/programs/{id}/inspections",
				"POST /program/programs/{id}/inspections", "GET /api/v1/program/programs/{id}",
				"POST /program/programs/{id}/targets", "GET /program/programs/{id}/plans")) {
			provide(p, () -> Probe.reference(expand(p, program.id()), programWide));
		}
		for (var p : List.of("GET /program/programs/{id}/items/{itemId}", "POST /program/programs/{id}/items/{itemId}")) {
			provide(p, () -> Probe.reference(p.substring(p.indexOf(' ') + 1).replace("{id}", program.id().toString())
				.replace("{itemId}", firstItem().toString()), programWide));
		}
		for (var p : List.of("GET /program/periods/{periodId}", "POST /program/periods/{periodId}/remind")) {
			provide(p, () -> Probe.reference(expand(p, periodA), programWide));
		}

		// ---------------------------------------------------------------- reference data and administration
		String tree = "the organisation tree is reference data (no personal data); only administrators and HR officers change it";
		for (var p : List.of("GET /orgunit/units/{id}", "GET /orgunit/units/{id}/children", "GET /api/v1/orgunit/units/{id}",
				"GET /api/v1/orgunit/units/{id}/children", "GET /api/v1/orgunit/units/{id}/history",
				"GET /api/v1/orgunit/units/{id}/subtree", "GET /api/v1/orgunit/units/{id}/successors")) {
			provide(p, () -> Probe.reference(expand(p, unitA), tree));
		}
		// changing the tree: an HR officer with a unit scope changes only units of that scope (OperationScope); the
		// control (unit A's officer, no form fields) gets the form back with a refusal, so nothing is replayed
		for (var p : List.of("GET /orgunit/operations/{id}/rename", "GET /orgunit/operations/{id}/move",
				"GET /orgunit/operations/{id}/split", "GET /orgunit/operations/{id}/dissolve",
				"POST /orgunit/operations/{id}/rename", "POST /orgunit/operations/{id}/move",
				"POST /orgunit/operations/{id}/split", "POST /orgunit/operations/{id}/dissolve")) {
			provide(p, () -> Probe.scoped(expand(p, unitA), EnumSet.of(Role.HR_OFFICER)));
		}
		String admin = "user administration is the system administrator's alone";
		for (var p : List.of("GET /orgunit/scopes/{userId}", "POST /orgunit/scopes/{userId}", "GET /admin/users/{id}",
				"POST /admin/users/{id}", "POST /admin/users/{id}/unlock", "POST /admin/users/{id}/reset-password",
				"POST /admin/users/{id}/reset-second-factor", "POST /admin/users/{id}/end-sessions")) {
			provide(p, () -> Probe.reference(expand(p, userId(userName("a", Role.UNIT_OFFICER))), admin));
		}
		// a passkey belongs to one user: another user's delete changes nothing
		provide("POST /account/second-factor/passkeys/{id}/delete", () -> {
			var credential = passkeyOf(userName("a", Role.UNIT_OFFICER));
			return new Probe("/account/second-factor/passkeys/" + credential + "/delete", Map.of(), EnumSet.allOf(Role.class),
					() -> jdbc.sql("select count(*) from identity.user_credentials where credential_id = :c")
						.param("c", credential).query(Long.class).single() == 1, null, false);
		});
		// a saved search belongs to one user: another user (of any unit and role) neither runs nor deletes it
		for (var p : List.of("GET /registry/searches/{id}", "POST /registry/searches/{id}/delete")) {
			provide(p, () -> {
				var method = HttpMethod.valueOf(p.substring(0, p.indexOf(' ')));
				var rule = rules.stream().filter(r -> matches(r, method, expand(p, UUID.randomUUID()))).findFirst()
					.orElseThrow();
				var owner = userName("a", java.util.Arrays.stream(Role.values()).filter(rule::allows).findFirst().orElseThrow());
				var id = savedSearches.save(owner, "Tìm cô lập " + run, SavedSearches.Kind.PEOPLE, "nguyen", Map.of());
				return new Probe(expand(p, id), Map.of(), EnumSet.allOf(Role.class),
						() -> savedSearches.find(id, owner).isPresent(), null, true);
			});
		}
		// ---------------------------------------------------------------- analytics and planning
		String tables = "named standard tables are shared definitions; their figures follow the caller's scope";
		for (var p : List.of("GET /analytics/tables/{code}", "GET /analytics/tables/{code}.xlsx",
				"GET /analytics/tables/{code}.pdf", "GET /analytics/tables/{code}.docx")) {
			provide(p, () -> Probe.reference(expand(p, "bieu-01"), tables));
		}
		provide("POST /analytics/remote-areas/{id}/delete", () -> Probe.reference(
				"/analytics/remote-areas/" + UUID.randomUUID() + "/delete",
				"the list of especially difficult communes is provincial reference data").withoutControl());
		// planning follows the registry's rule (PlanningScopes): unit officers, and HR officers and leaders with a scope
		// unit, plan for its subtree; administrators and program managers (and those without a scope) for the province
		var planningScoped = EnumSet.of(Role.UNIT_OFFICER, Role.HR_OFFICER, Role.LEADER);
		for (var p : List.of("GET /planning/retirements/people/{id}", "POST /planning/retirements/people/{id}",
				"POST /planning/retirements/people/{id}/remove")) {
			provide(p, () -> {
				var id = personIn(unitA, null);
				return Probe.scoped(expand(p, id), planningScoped).with("extensionMonths", "6")
					.with("reason", "Kéo dài theo quyết định")
					.unchangedWhen(() -> jdbc.sql("select count(*) from planning.retirement_override_change where person_id = :p")
						.param("p", id).query(Long.class).single() == 0);
			});
		}
		provide("POST /planning/needs/{id}/delete", () -> {
			var id = UUID.randomUUID();
			jdbc.sql("""
					insert into planning.need (id, org_unit, field_of_study, degree, year, count, recorded_by, recorded_at)
					values (:id, :unit, 'ISO', 'MASTER', 2030, 2, 'iso', now())""").param("id", id).param("unit", unitA)
				.update();
			return Probe.scoped(expand("POST /planning/needs/{id}/delete", id), planningScoped)
				.unchangedWhen(() -> rowExists("planning.need", id));
		});
		provide("POST /planning/positions/{id}/delete", () -> {
			var id = UUID.randomUUID();
			jdbc.sql("""
					insert into planning.job_position (id, org_unit, title, recorded_by, recorded_at)
					values (:id, :unit, :title, 'iso', now())""").param("id", id).param("unit", unitA)
				.param("title", "Vị trí cô lập " + id).update();
			return Probe.scoped(expand("POST /planning/positions/{id}/delete", id), planningScoped)
				.unchangedWhen(() -> rowExists("planning.job_position", id));
		});
		// a saved projection scenario: its author (here unit A's officer) or a province-wide planner deletes it
		provide("POST /planning/scenarios/{id}/delete", () -> {
			var id = UUID.randomUUID();
			jdbc.sql("""
					insert into planning.scenario (id, name, recruitment_per_year, returns_per_year, recorded_by, recorded_at)
					values (:id, :name, 1, 0, :by, now())""").param("id", id).param("name", "Kịch bản cô lập " + id)
				.param("by", userName("a", Role.UNIT_OFFICER)).update();
			return Probe.scoped(expand("POST /planning/scenarios/{id}/delete", id), EnumSet.of(Role.UNIT_OFFICER))
				.unchangedWhen(() -> rowExists("planning.scenario", id));
		});
		String catalog = "code lists and administrative units are public reference data";
		for (var p : List.of("GET /catalog/admin-units/{id}", "GET /api/v1/catalog/admin-units/{id}",
				"GET /api/v1/catalog/admin-units/{id}/mapped", "GET /api/v1/catalog/admin-units/{id}/predecessors",
				"GET /api/v1/catalog/admin-units/{id}/successors")) {
			provide(p, () -> Probe.reference(expand(p, adminUnit()), catalog));
		}
		for (var p : List.of("GET /catalog/lists/{list}", "GET /api/v1/catalog/code-lists/{list}",
				"POST /catalog/lists/{list}/entries", "GET /catalog/lists/{list}/import", "POST /catalog/lists/{list}/import")) {
			provide(p, () -> Probe.reference(p.substring(p.indexOf(' ') + 1).replace("{list}", "ethnic-groups"), catalog));
		}
		provide("GET /api/v1/catalog/code-lists/{list}/{code}",
				() -> Probe.reference("/api/v1/catalog/code-lists/ethnic-groups/01", catalog));
		provide("POST /catalog/lists/{list}/entries/{code}/retire",
				() -> Probe.reference("/catalog/lists/ethnic-groups/entries/99/retire", catalog));
		for (var p : List.of("GET /catalog/lists/{list}/import/{id}", "POST /catalog/lists/{list}/import/{id}/apply")) {
			provide(p, () -> Probe.reference(p.substring(p.indexOf(' ') + 1).replace("{list}", "ethnic-groups")
				.replace("{id}", UUID.randomUUID().toString()), catalog).withoutControl());
		}
	}

	// ------------------------------------------------------------------------------------------------ the checks

	@Test
	void every_id_bearing_route_has_a_data_provider() {
		var missing = idBearingEndpoints().stream().filter(e -> !providers.containsKey(e)).toList();
		assertThat(missing).as("id-bearing routes without a scope-isolation data provider: register one in "
				+ "ScopeIsolationHarnessTest (data in unit A, the roles a scope bounds)").isEmpty();
		assertThat(idBearingEndpoints()).contains("GET /registry/people/{id}", "GET /program/reports/{reportId}");
	}

	@Test
	void a_merge_refuses_the_other_record_when_it_lies_outside_the_scope() throws Exception {
		var mine = personIn(unitB, null);
		var theirs = personIn(unitA, null);
		var probe = Probe.scoped("/registry/people/" + mine + "/merge", REGISTRY_SCOPED).with("version", "2")
			.with("other", theirs.toString());
		assertThat(status(HttpMethod.POST, probe, userName("b", Role.HR_OFFICER))).isEqualTo(302);
		assertThat(jdbc.sql("select merged_into from registry.person where id = :id").param("id", theirs)
			.query(UUID.class).optional()).as("the record of unit A is not merged away by an HR officer of unit B")
			.isEmpty();
		assertThat(version(mine)).isEqualTo(2);
	}

	@TestFactory
	Stream<DynamicTest> no_id_bearing_route_reaches_data_of_another_unit_or_a_lower_role() {
		return idBearingEndpoints().stream().filter(providers::containsKey)
			.map(endpoint -> DynamicTest.dynamicTest(endpoint, () -> check(endpoint, providers.get(endpoint).get())));
	}

	private void check(String endpoint, Probe probe) throws Exception {
		var method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
		var rule = rules.stream().filter(r -> matches(r, method, probe.path())).findFirst().orElseThrow();
		for (var role : Role.values()) {
			if (!rule.allows(role)) {
				assertThat(status(method, probe, userName("b", role))).as("%s as %s (role not allowed)", endpoint, role)
					.isEqualTo(403);
			}
		}
		var bounded = probe.scopedRoles().stream().filter(rule::allows).toList();
		for (var role : bounded) {
			int status = status(method, probe, userName("b", role));
			if (probe.unchanged() != null && status == 302) {
				assertThat(probe.unchanged().getAsBoolean()).as("%s as %s of unit B answered 302 and changed data of unit A",
						endpoint, role).isTrue();
			}
			else {
				assertThat(status).as("%s as %s scoped to unit B", endpoint, role).isIn(403, 404);
			}
		}
		// the control: an allowed role (the same role scoped to unit A when scope bounds it) reaches the data, so the
		// refusals above mean something; writes to reference data are not replayed (they would dissolve unit A)
		if (probe.control() && (probe.unscopedReason() == null || method == HttpMethod.GET)) {
			var control = bounded.isEmpty()
					? java.util.Arrays.stream(Role.values()).filter(rule::allows).findFirst().orElseThrow()
					: bounded.get(0);
			assertThat(status(method, probe, userName("a", control))).as("%s as %s scoped to unit A", endpoint, control)
				.isNotIn(403, 404).isLessThan(500);
		}
	}

	private int status(HttpMethod method, Probe probe, String username) throws Exception {
		var role = Role.valueOf(username.substring(username.lastIndexOf('.') + 1).toUpperCase().replace('-', '_'));
		var request = MockMvcRequestBuilders.request(method, probe.path()).with(csrf())
			.with(user(username).authorities(() -> role.authority()));
		probe.params().forEach(request::param);
		int status = mvc.perform(request).andReturn().getResponse().getStatus();
		assertThat(status).as("%s %s as %s", method, probe.path(), username).isLessThan(500);
		return status;
	}

	private List<String> idBearingEndpoints() {
		var endpoints = new TreeSet<String>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				var methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of(RequestMethod.GET)
						: info.getMethodsCondition().getMethods();
				for (var pattern : info.getPatternValues()) {
					if (pattern.contains("{")) {
						methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
					}
				}
			}));
		return List.copyOf(endpoints);
	}

	private static boolean matches(AccessRule rule, HttpMethod method, String path) {
		return (rule.method() == null || rule.method().equals(method))
				&& PathPatternParser.defaultInstance.parse(rule.pattern()).matches(PathContainer.parsePath(path));
	}

	// ------------------------------------------------------------------------------------------------ data

	private void provide(String endpoint, Supplier<Probe> provider) {
		// a second provider for one route would silently replace the first one's checks
		assertThat(providers.put(endpoint, provider)).as("a second data provider for %s", endpoint).isNull();
	}

	private boolean rowExists(String table, UUID id) {
		return jdbc.sql("select count(*) from " + table + " where id = :id").param("id", id).query(Long.class).single() == 1;
	}

	private static String expand(String endpoint, Object id) {
		return endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", id.toString());
	}

	private String userName(String unit, Role role) {
		return "iso." + run + "." + unit + "." + role.name().toLowerCase().replace('_', '-');
	}

	private void account(String unit, Role role, UUID scope) {
		var username = TestAccounts.ready(administration, userName(unit, role), role);
		if (role == Role.UNIT_OFFICER || role == Role.HR_OFFICER || role == Role.LEADER) {
			scopes.assign(userId(username), scope, "scope-isolation harness");
		}
	}

	private UUID userId(String username) {
		return administration.findByUsername(username).orElseThrow().id();
	}

	/** A person working in {@code unit} since 2021 (version 2 after the position). */
	private UUID personIn(UUID unit, @Nullable String account) {
		return personIn(unit, account, "PUBLIC_EMPLOYEE");
	}

	private UUID personIn(UUID unit, @Nullable String account, String category) {
		var data = RegistryFixtures.person("Lê", "Thị", RegistryFixtures.uniqueToken("Cô"), Sex.FEMALE, LocalDate.of(1988, 2, 3));
		if (account != null) {
			data = RegistryFixtures.withAccount(data, account);
		}
		var id = ((Profiles.Created) profiles.register(data, "iso")).id();
		profiles.addPart(id, 1, PartKind.POSITION, LocalDate.of(2021, 1, 1), null,
				Map.of("orgUnit", unit.toString(), "jobTitle", "Giáo viên", "personnelCategory", category), "iso");
		return id;
	}

	private UUID onlyPart(UUID person) {
		return jdbc.sql("select id from registry.person_part where person_id = :p").param("p", person).query(UUID.class)
			.single();
	}

	private static byte[] tinyJpeg() {
		var out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 40, java.awt.image.BufferedImage.TYPE_INT_RGB),
					"jpg", out);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private int version(UUID person) {
		return jdbc.sql("select version from registry.person where id = :id").param("id", person).query(Integer.class).single();
	}

	private UUID request() {
		var person = personIn(unitA, null);
		return selfService.propose(person, SelfService.CONTACT, null, null, Map.of("phone", "0912345678", "email", ""),
				null, "iso");
	}

	private UUID duplicateOf(UUID person) {
		var p = profiles.find(person, RegistryFixtures.hr()).orElseThrow().data();
		var again = RegistryFixtures.person(p.familyName(), p.middleName(), p.givenName(), p.sex(), p.birthDate());
		return ((Profiles.RoutedToReview) profiles.register(again, "iso")).candidate();
	}

	private UUID reportOfA() {
		return reports.reports(periodA).stream().filter(r -> r.unitId().equals(reportingUnitA)).findFirst().orElseThrow().id();
	}

	/** An unread notice of {@code username} about the report of unit A. */
	private UUID noticeOf(String username) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into program.notice (id, username, kind, report_id, unit_name, period_name, source, created_at)
				values (:id, :u, 'OVERDUE', :r, 'A', 'P', :src, now())""")
			.param("id", id).param("u", username).param("r", reportOfA()).param("src", "harness:" + id).update();
		return id;
	}

	private UUID planOfA() {
		return unitPlans.create(program, reportingUnitA, null, "Kế hoạch của A " + UUID.randomUUID(), null, "iso");
	}

	private UUID reviewOfA() {
		return reviewReports.draft(periodA, null, "iso");
	}

	private UUID inspectionOfA() {
		return inspections.plan(program, reportingUnitA, Inspections.Kind.INSPECTION, LocalDate.now().plusDays(5), "iso");
	}

	private UUID recommendationOfA() {
		var inspection = inspectionOfA();
		inspections.record(inspection, LocalDate.now(), "Thiếu hồ sơ quán triệt");
		return inspections.recommend(inspection, "Bổ sung hồ sơ", LocalDate.now().plusDays(30));
	}

	private long responses(UUID recommendation) {
		return jdbc.sql("select count(*) from program.recommendation where id = :id and response is not null")
			.param("id", recommendation).query(Long.class).single();
	}

	private UUID firstItem() {
		return programs.find(program, null).orElseThrow().items(vn.trithuc.program.ItemKind.TASK).get(0).id();
	}

	private UUID adminUnit() {
		return jdbc.sql("select id from catalog.admin_unit limit 1").query(UUID.class).single();
	}

	private String passkeyOf(String username) {
		var credential = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var entity = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(username.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		jdbc.sql("insert into identity.user_entities (id, name, display_name) values (:id, :name, :name) on conflict do nothing")
			.param("id", entity).param("name", username).update();
		jdbc.sql("""
				insert into identity.user_credentials (credential_id, user_entity_user_id, public_key, signature_count,
				  backup_eligible, backup_state, authenticator_transports, public_key_credential_type, created, last_used,
				  label)
				values (:c, :u, :k, 0, false, false, 'internal', 'public-key', now(), now(), 'harness')""")
			.param("c", credential).param("u", entity).param("k", new byte[] { 1, 2, 3 }).update();
		return credential;
	}

	/** An import job uploaded by an officer scoped to {@code unit} (a small clean .csv). */
	private UUID importJobIn(UUID unit) {
		var csv = "Họ và tên,Giới tính,Năm sinh\nPhạm Thị Cô Lập " + run + ",Nữ,1990\n";
		return imports.store("co-lap.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "iso-importer", unit);
	}

	private String importStatus(UUID job) {
		return jdbc.sql("select status from registry.import_job where id = :id").param("id", job).query(String.class)
			.single();
	}
}
