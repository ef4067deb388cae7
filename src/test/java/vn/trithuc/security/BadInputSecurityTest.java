package vn.trithuc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * The bad-input suite over real HTTP against every upload endpoint (registry import, catalog code-list import,
 * orgunit import): each hostile file gets a clear Vietnamese message, never a stack trace or a 500, and
 * nothing is stored half (row counts before = after).
 */
@IntegrationTest
@Tag("security")
class BadInputSecurityTest {

	private static final String REGISTRY = "/registry/import";
	private static final String CATALOG = "/catalog/lists/state-management-levels/import";
	private static final String ORGUNIT = "/orgunit/operations/import";
	private static final String NEEDS = "/planning/needs/import";
	private static final byte[] VALID = BadFiles.xlsx(new String[] { "Họ và tên", "Giới tính", "Ngày sinh" },
			new String[] { "Trần Thị Bình", "Nữ", "01/02/1980" });

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	JdbcClient jdbc;

	/** One upload endpoint: where it is, who may use it, how it says "unreadable", its size limit and how it says "too large". */
	record Endpoint(String path, WebClientSession web, String unreadable, long limit, String tooLarge) {

		Endpoint(String path, WebClientSession web, String unreadable) {
			this(path, web, unreadable, 20 * 1024 * 1024, "quá lớn");
		}
	}

	private static List<Endpoint> endpoints;

	/** Logged in once per run: administrators spend a recovery code per login. */
	private synchronized List<Endpoint> endpoints() {
		if (endpoints != null) {
			return endpoints;
		}
		var hr = TestAccounts.loggedIn(port, administration, "sec.hr", Role.HR_OFFICER);
		var admin = TestAccounts.loggedIn(port, administration, "sec.admin", Role.SYSTEM_ADMINISTRATOR);
		return endpoints = List.of(new Endpoint(REGISTRY, hr, "Không đọc được tệp: tệp phải là bảng tính Excel (.xlsx, .xls) hoặc .csv"),
				new Endpoint(CATALOG, admin, "Không đọc được tệp &quot;", 1024 * 1024, "quá lớn"),
				new Endpoint(ORGUNIT, hr, "Không đọc được tệp. Hãy lưu tệp dưới dạng Excel .xlsx"),
				new Endpoint(NEEDS, hr, "Không đọc được tệp: hãy lưu lại bằng Excel dưới dạng .xlsx rồi nhập lại.",
						5 * 1024 * 1024, "Tệp lớn hơn 5 MB"));
	}

	private Map<String, Long> counts() {
		return Map.of("person", count("registry.person"), "part", count("registry.person_part"),
				"entry", count("catalog.code_list_entry"), "version", count("catalog.code_list_version"),
				"unit", count("orgunit.org_unit"), "unitVersion", count("orgunit.org_unit_version"),
				"need", count("planning.need"));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** Uploads and returns the page the officer ends on (following the registry's redirect to its report). */
	private WebClientSession.Response upload(Endpoint endpoint, String fileName, byte[] content) {
		var response = endpoint.web().upload(endpoint.path(), fileName, content);
		var location = response.header("Location");
		if (response.status() == 302 && location != null && location.contains("/registry/import/")) {
			var path = location.replaceFirst("^https?://[^/]+", "");
			if (path.matches("/registry/import/[0-9a-f-]{36}")) {
				vn.trithuc.ImportJobWait.done(endpoint.web(), path.substring("/registry/import/".length()));
			}
			response = endpoint.web().get(path);
		}
		return response;
	}

	static void assertNoLeak(WebClientSession.Response response) {
		assertThat(response.status()).as("status").isLessThan(500);
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "at org.", "at vn.trithuc", "java.lang",
				"org.dhatim", "SAXParse", "XMLStream");
	}

	private void refused(String what, byte[] content, String fileName, java.util.function.Function<Endpoint, String> message) {
		for (var endpoint : endpoints()) {
			var before = counts();
			long started = System.nanoTime();
			var page = upload(endpoint, fileName, content);
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertNoLeak(page);
			assertThat(page.body()).as(what + " at " + endpoint.path()).contains(message.apply(endpoint));
			assertThat(counts()).as(what + " stored nothing at " + endpoint.path()).isEqualTo(before);
			assertThat(millis).as(what + " answered quickly at " + endpoint.path()).isLessThan(20_000);
		}
	}

	@Test
	void corrupt_and_truncated_workbooks_are_refused_as_unreadable() {
		refused("corrupt", BadFiles.corrupt(), "hong.xlsx", Endpoint::unreadable);
		refused("truncated", BadFiles.truncated(VALID), "cat-doi.xlsx", Endpoint::unreadable);
	}

	@Test
	void wrong_content_is_refused_whatever_the_name_says() {
		refused("a text file named .xlsx", "Họ và tên,Giới tính\nAn,Nam\n".getBytes(StandardCharsets.UTF_8),
				"danh-sach.xlsx", e -> e.path().equals(CATALOG) ? "Không đọc được tệp &quot;danh-sach.xlsx&quot;" : e.unreadable());
		refused("a PDF named .xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1),
				"bao-cao.xlsx", Endpoint::unreadable);
	}

	@Test
	void a_zip_bomb_is_refused_before_the_reader_inflates_it() {
		var bomb = BadFiles.zipBomb(VALID, 200);
		assertThat(bomb.length).as("the bomb is small").isLessThan(1_000_000);
		refused("zip bomb (" + bomb.length + " bytes → 200 MB)", bomb, "bom.xlsx",
				e -> "nội dung bảng tính lớn bất thường");
	}

	@Test
	void external_entities_and_billion_laughs_are_never_expanded() {
		var xxe = BadFiles.externalEntity(VALID);
		for (var endpoint : endpoints()) {
			var before = counts();
			var page = upload(endpoint, "xxe.xlsx", xxe);
			assertNoLeak(page);
			assertThat(page.body()).doesNotContain("root:x:0:0");
			assertThat(page.body()).contains(unsafeXml(endpoint));
			assertThat(counts()).isEqualTo(before);
		}
		refused("billion laughs", BadFiles.billionLaughs(VALID), "lol.xlsx", BadInputSecurityTest::unsafeXml);
	}

	/** The registry import names a DOCTYPE as such; the other endpoints call the file unreadable. */
	private static String unsafeXml(Endpoint endpoint) {
		return endpoint.path().equals(REGISTRY) ? "khai báo XML không được phép" : endpoint.unreadable();
	}

	@Test
	void an_upload_one_byte_over_the_limit_is_refused_with_a_message() {
		for (var endpoint : endpoints()) {
			var before = counts();
			var page = endpoint.web().upload(endpoint.path(), "lon.xlsx", new byte[(int) endpoint.limit() + 1]);
			assertNoLeak(page);
			assertThat(page.body()).as(endpoint.path()).contains(endpoint.tooLarge());
			assertThat(counts()).isEqualTo(before);
		}
	}

	@Test
	void path_traversal_in_the_file_name_never_reaches_the_file_system_and_is_shown_escaped() {
		var marker = "trithuc-traversal-" + UUID.randomUUID();
		for (var name : List.of("../../../../../../../../tmp/" + marker + ".xlsx",
				"..\\..\\..\\..\\tmp\\" + marker + ".xlsx", "<img src=x onerror=alert(1)>" + marker + ".xlsx")) {
			for (var endpoint : endpoints()) {
				var page = upload(endpoint, name, VALID);
				assertNoLeak(page);
				assertThat(page.body()).doesNotContain("<img src=x");
			}
			assertThat(Files.exists(Path.of("/tmp/" + marker + ".xlsx"))).isFalse();
		}
		var list = endpoints().get(0).web().get(REGISTRY);
		assertThat(list.body()).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;" + marker);
	}

	@Test
	void html_and_script_in_cells_are_rendered_escaped_in_the_report() {
		var hostile = BadFiles.xlsx(new String[] { "Họ và tên", "Giới tính", "Ngày sinh" },
				new String[] { "Lê Văn <b>Đậm</b>", "<script>alert(1)</script>", "\"><svg onload=alert(2)>" });
		var hr = endpoints().get(0);
		var before = counts();
		var page = upload(hr, "script.xlsx", hostile);
		assertNoLeak(page);
		assertThat(page.body()).doesNotContain("<script>alert", "<svg onload")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void sql_metacharacters_in_search_are_plain_text() {
		var hr = endpoints().get(0).web();
		var before = counts();
		for (var q : List.of("' OR '1'='1", "'; drop table registry.person; --", "%", "_", "\\", "a' union select * from identity.user_account --",
				"Nguyễn%' --", "$$", "\u0000")) {
			var encoded = java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
			var page = hr.get("/registry/people?q=" + encoded);
			assertNoLeak(page);
			assertThat(page.status()).as(q).isIn(200, 400);
			var api = hr.get("/api/v1/registry/people?q=" + encoded, "Accept", "application/json");
			assertNoLeak(api);
			assertThat(api.status()).as(q).isIn(200, 400);
			assertThat(api.body()).doesNotContain("password", "SQLState", "PSQLException");
		}
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void csv_with_invalid_utf8_or_a_legacy_encoding_is_refused_with_a_message() {
		var admin = endpoints().get(1);
		var before = counts();
		var invalid = new byte[] { 'c', 'o', 'd', 'e', ',', 'n', 'a', 'm', 'e', '\n', 'A', ',', (byte) 0xC3, (byte) 0x28, '\n' };
		var page = upload(admin, "hong.csv", invalid);
		assertNoLeak(page);
		assertThat(page.body()).contains("không phải văn bản UTF-8");
		// Windows-1258 (legacy Vietnamese code page): "Chuyên viên" in 1258 bytes is not UTF-8
		var legacy = ("code,name\nCHUYEN_VIEN,Chuyên viên\n").getBytes(Charset.forName("windows-1258"));
		page = upload(admin, "cu.csv", legacy);
		assertNoLeak(page);
		assertThat(page.body()).contains("không phải văn bản UTF-8");
		assertThat(counts()).isEqualTo(before);
	}
}
