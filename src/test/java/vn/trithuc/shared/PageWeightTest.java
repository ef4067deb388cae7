package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;

/**
 * What a slow commune connection pays: the first page with all its assets ≤ 150 KB gzip; a later htmx
 * navigation ≤ 20 KB; assets carry content hashes and are cached for a year.
 */
@IntegrationTest
class PageWeightTest {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|img)/[^\"]+)\"");

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;

	@Test
	void the_first_page_of_a_session_with_its_assets_stays_under_150_kb_gzip() {
		var web = TestAccounts.loggedIn(port, administration, "weight.admin", Role.SYSTEM_ADMINISTRATOR);
		var page = web.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
		int total = page.transferred();
		var assets = ASSET.matcher(page.body());
		int count = 0;
		while (assets.find()) {
			var asset = web.get(assets.group(1));
			assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
			assertThat(assets.group(1)).as("content hash in the name").matches(".*-[0-9a-f]{32}\\.[a-z]+$");
			assertThat(asset.header("Cache-Control")).as(assets.group(1)).contains("max-age=31536000");
			total += asset.transferred();
			count++;
		}
		assertThat(count).isGreaterThanOrEqualTo(4);
		System.out.printf("first page: %d assets, %,d bytes transferred (gzip)%n", count, total);
		assertThat(total).isLessThanOrEqualTo(150 * 1024);
	}

	@Test
	void a_later_navigation_is_an_htmx_fragment_under_20_kb() {
		var web = TestAccounts.loggedIn(port, administration, "weight.admin", Role.SYSTEM_ADMINISTRATOR);
		var full = web.get("/admin/users");
		var fragment = web.get("/admin/users", "HX-Request", "true", "HX-Target", "content", "HX-Boosted", "true");
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).startsWith("<div id=\"content\">").doesNotContain("<html", "<nav class=\"sidenav");
		assertThat(fragment.body()).contains("Quản lý người dùng");
		assertThat(full.body()).contains("<html", "sidenav");
		System.out.printf("users page: full %,d bytes, htmx fragment %,d bytes (gzip)%n", full.transferred(),
				fragment.transferred());
		assertThat(fragment.transferred()).isLessThanOrEqualTo(20 * 1024).isLessThan(full.transferred());
	}
}
