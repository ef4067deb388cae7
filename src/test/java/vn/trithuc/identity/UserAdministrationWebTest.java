package vn.trithuc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.identity.internal.UserAdministration;

/** What an administrator does with accounts, over real HTTP with real forms. */
@IntegrationTest
class UserAdministrationWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void an_administrator_creates_a_user_who_gets_a_one_time_password_shown_once() {
		var admin = TestAccounts.loggedIn(port, administration, "users.admin", Role.SYSTEM_ADMINISTRATOR);
		var form = admin.get("/admin/users/new");
		var fields = new LinkedHashMap<String, String>();
		fields.put("username", "Huong.GiaoVien");
		fields.put("displayName", "K'Huơng");
		fields.put("email", "huong@example.org");
		fields.put("roles", "INTELLECTUAL");
		fields.put("_csrf", WebClientSession.csrfToken(form.body()));
		var created = admin.postForm("/admin/users/new", fields);
		assertThat(created.status()).isEqualTo(302);

		var page = admin.get(created.header("Location").replaceFirst("^http://[^/]+", ""));
		assertThat(page.body()).contains("Đã tạo người dùng.", "Mật khẩu dùng một lần:", "huong.giaovien");
		var oneTime = page.body().replaceAll("(?s).*Mật khẩu dùng một lần: ([^.\\s]+)\\..*", "$1");
		assertThat(admin.get(created.header("Location").replaceFirst("^http://[^/]+", "")).body())
			.as("shown only once").doesNotContain(oneTime);

		var user = new WebClientSession(port);
		assertThat(user.login("huong.giaovien", oneTime).header("Location")).endsWith("/account/password");
	}

	@Test
	void a_taken_user_name_and_missing_fields_are_refused_beside_the_field() {
		TestAccounts.ready(administration, "taken.name", Role.LEADER);
		var admin = TestAccounts.loggedIn(port, administration, "users.admin", Role.SYSTEM_ADMINISTRATOR);
		var form = admin.get("/admin/users/new");
		var fields = new LinkedHashMap<String, String>();
		fields.put("username", "taken.name");
		fields.put("displayName", "Trùng tên");
		fields.put("roles", "LEADER");
		fields.put("_csrf", WebClientSession.csrfToken(form.body()));
		assertThat(admin.postForm("/admin/users/new", fields).body()).contains("Tên đăng nhập này đã có người dùng.");

		fields.put("username", "có dấu");
		fields.remove("roles");
		var invalid = admin.postForm("/admin/users/new", fields).body();
		assertThat(invalid).contains("Tên đăng nhập chỉ gồm 3–64 ký tự", "Vui lòng chọn ít nhất một mục.");
	}

	@Test
	void the_second_of_two_concurrent_editors_is_told_and_overwrites_nothing() {
		var target = administration.findByUsername(TestAccounts.ready(administration, "concurrent.user", Role.LEADER))
			.orElseThrow();
		var first = TestAccounts.loggedIn(port, administration, "users.admin", Role.SYSTEM_ADMINISTRATOR);
		var second = TestAccounts.loggedIn(port, administration, "users.admin2", Role.SYSTEM_ADMINISTRATOR);
		var path = "/admin/users/" + target.id();
		var firstForm = first.get(path).body();
		var secondForm = second.get(path).body();

		assertThat(first.postForm(path, edit(firstForm, target.version(), "Tên của người thứ nhất")).status())
			.isEqualTo(302);
		var conflict = second.postForm(path, edit(secondForm, target.version(), "Tên của người thứ hai"));
		assertThat(conflict.status()).isEqualTo(200);
		assertThat(conflict.body()).contains("Người dùng này vừa được người khác sửa", "Tên của người thứ nhất",
				"Tên của người thứ hai");
		assertThat(administration.find(target.id()).orElseThrow().displayName()).isEqualTo("Tên của người thứ nhất");
	}

	private static java.util.Map<String, String> edit(String form, int version, String displayName) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("version", String.valueOf(version));
		fields.put("displayName", displayName);
		fields.put("email", "");
		fields.put("roles", "LEADER");
		fields.put("enabled", "true");
		fields.put("_csrf", WebClientSession.csrfToken(form));
		return fields;
	}
}
