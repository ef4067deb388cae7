package vn.trithuc.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.catalog.internal.Spreadsheets.row;
import static vn.trithuc.catalog.internal.Spreadsheets.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/** The catalog pages and API over real HTTP, as administrators and HR officers use them. */
@IntegrationTest
class CatalogWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void administrative_units_as_of_30_6_and_1_7_2025_show_the_reused_code_24877() {
		var web = TestAccounts.loggedIn(port, administration, "web.catalog.hr", Role.HR_OFFICER);
		var before = web.get("/catalog/admin-units?asOf=30/06/2025&q=24877");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.body()).contains("Xã Rô Men", "Huyện Đam Rông").doesNotContain("Xã Đam Rông 2");
		var after = web.get("/catalog/admin-units?asOf=01/07/2025&q=24877");
		assertThat(after.body()).contains("Xã Đam Rông 2", "Tỉnh Lâm Đồng").doesNotContain("Xã Rô Men");
		var bad = web.get("/catalog/admin-units?asOf=31/02/2025");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("value=\"31/02/2025\"", "is-invalid",
				"Ngày 31/02/2025 không có trên lịch: tháng 02/2025 chỉ có 28 ngày.", "Đang hiển thị theo ngày hôm nay.");
		for (var wrong : new String[] { "2025-02-03", "abc" }) {
			var page = web.get("/catalog/admin-units?asOf=" + wrong);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("Ngày «" + wrong + "» chưa đúng dạng. Nhập ngày dạng dd/MM/yyyy, ví dụ 30/06/2025.");
		}

		var index = web.get("/catalog");
		assertThat(index.body()).contains("Dân tộc", "34 tỉnh, thành phố và 3.321 đơn vị hành chính cấp xã");
		var list = web.get("/catalog/lists/ethnic-groups?q=kho%20me");
		assertThat(list.body()).contains("Khơ me").doesNotContain("Ngừng sử dụng</button>");
		assertThat(web.get("/catalog/lists/ethnic-groups/import").status()).isEqualTo(403);
	}

	@Test
	void the_api_answers_as_of_a_date_with_json() {
		var web = TestAccounts.loggedIn(port, administration, "web.catalog.unit", Role.UNIT_OFFICER);
		var provinces = web.get("/api/v1/catalog/admin-units?asOf=2025-07-01&level=PROVINCE&size=100");
		assertThat(provinces.status()).isEqualTo(200);
		assertThat(provinces.body()).contains("\"total\":34", "Tỉnh Lâm Đồng");
		var search = web.get("/api/v1/catalog/admin-units?asOf=2025-06-30&level=COMMUNE&q=ro%20men");
		assertThat(search.body()).contains("\"code\":\"24877\"", "Xã Rô Men");
		var ethnic = web.get("/api/v1/catalog/code-lists/ethnic-groups");
		assertThat(ethnic.body()).contains("\"list\":\"ethnic-groups\"", "\"name\":\"Kinh\"");
		assertThat(Pattern.compile("\"code\":").matcher(ethnic.body()).results().count()).isEqualTo(54);
		assertThat(web.get("/api/v1/catalog/code-lists/religions/01").body()).contains("Phật giáo");
		assertThat(web.get("/api/v1/catalog/code-lists/nothing").status()).isEqualTo(404);
		assertThat(web.get("/api/v1/catalog/admin-units?asOf=30-06-2025").status()).isEqualTo(400);
		assertThat(web.get("/catalog").status()).isEqualTo(403);
	}

	@Test
	void bad_uploads_are_refused_with_vietnamese_messages_naming_row_and_column() throws Exception {
		var admin = new Uploads(TestAccounts.loggedIn(port, administration, "web.catalog.admin",
				Role.SYSTEM_ADMINISTRATOR));
		var path = "/catalog/lists/state-management-levels/import";

		var wrongHeader = admin.upload(path, "qlnn.xlsx", xlsx(row("Mã", "Tên gọi"), row("CHUYEN_VIEN", "Chuyên viên")));
		assertThat(wrongHeader).contains("Dòng 1, cột B: tiêu đề &quot;Tên gọi&quot; không phải cột của danh mục này.",
				"Dòng 1: thiếu cột &quot;name&quot;");
		var duplicate = admin.upload(path, "qlnn.xlsx", xlsx(row("code", "name"), row("CHUYEN_VIEN", "Chuyên viên"),
				row("CHUYEN_VIEN", "Chuyên viên chính")));
		assertThat(duplicate).contains("Dòng 3, cột A: mã &quot;CHUYEN_VIEN&quot; trùng với dòng 2.");
		var corrupt = admin.upload(path, "qlnn.xlsx", "PK\u0003\u0004 hỏng".getBytes(StandardCharsets.UTF_8));
		assertThat(corrupt).contains("Không đọc được tệp &quot;qlnn.xlsx&quot;");
		var oversized = admin.upload(path, "qlnn.xlsx", new byte[1_500_000]);
		assertThat(oversized).contains("quá lớn");
		var good = admin.upload(path, "qlnn.xlsx", xlsx(row("code", "name"), row("CHUYEN_VIEN", "Chuyên viên"),
				row("CHUYEN_VIEN_CHINH", "Chuyên viên chính"), row("CHUYEN_VIEN_CAO_CAP", "Chuyên viên cao cấp")));
		assertThat(good).startsWith("302 ").contains("/catalog/lists/state-management-levels/import/");
	}

	/** A logged-in browser-like client that can post multipart forms with the page's CSRF token. */

	/** The page an upload leads to: its body, or "302 location" for a redirect. */
	record Uploads(WebClientSession web) {
		String upload(String path, String fileName, byte[] content) {
			var response = web.upload(path, fileName, content);
			return response.status() == 302 ? "302 " + response.header("Location") : response.body();
		}
	}
}
