package vn.trithuc.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.WebClientSession;
import vn.trithuc.WebClientSession.FilePart;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Erasures;
import vn.trithuc.registry.internal.PhotoPolicy;
import vn.trithuc.registry.internal.Profiles;

/** An officer puts a person's photo on the profile, changes and removes it; bad files leave the photo as it was. */
@IntegrationTest
class PhotoWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	Profiles profiles;
	@Autowired
	Erasures erasures;
	@Autowired
	JdbcClient jdbc;

	private UUID newPerson() {
		return ((Profiles.Created) profiles.register(person("Ka", "", uniqueToken("Anh"), Sex.FEMALE,
				LocalDate.of(1988, 3, 8)), "test.hr")).id();
	}

	static byte[] jpeg(int width, int height, Color color) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static WebClientSession.Response upload(WebClientSession session, UUID id, String name, byte[] content) {
		var page = session.get("/registry/people/" + id).body();
		var fields = new LinkedHashMap<String, String>();
		fields.put("_csrf", WebClientSession.csrfToken(page));
		fields.put("version", version(page));
		return session.postMultipart("/registry/people/" + id + "/photo", fields, List.of(new FilePart("photo", name, content)));
	}

	/** The profile's version from the photo form of the page. */
	private static String version(String page) {
		var m = java.util.regex.Pattern.compile("class=\"photo-form\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(m.find()).as("the photo form carries the profile's version").isTrue();
		return m.group(1);
	}

	private int storedVersion(UUID id) {
		return jdbc.sql("select version from registry.person where id = :id").param("id", id).query(Integer.class).single();
	}

	@Test
	void an_officer_sets_changes_and_removes_a_photo_and_each_step_is_in_the_history() throws IOException {
		var id = newPerson();
		var officer = TestAccounts.loggedIn(port, administration, "photo.officer", Role.HR_OFFICER);
		var before = officer.get("/registry/people/" + id).body();
		assertThat(before).contains("Chưa có ảnh").contains("Tải ảnh lên").doesNotContain("Xóa ảnh");
		assertThat(officer.get("/registry/people/" + id + "/photo").status()).isEqualTo(404);

		var sent = upload(officer, id, "ảnh thẻ.jpg", jpeg(1500, 2000, Color.RED));
		assertThat(sent.status()).isEqualTo(302);
		var page = officer.get("/registry/people/" + id).body();
		assertThat(page).contains("Đã lưu ảnh chân dung.").contains("src=\"/registry/people/" + id + "/photo\"")
			.contains("Đổi ảnh").contains("Xóa ảnh").contains("data-confirm=\"Xóa ảnh chân dung của");

		var photo = officer.get("/registry/people/" + id + "/photo");
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(photo.header("Cache-Control")).contains("private").contains("no-cache");
		assertThat(photo.header("X-Content-Type-Options")).isEqualTo("nosniff");
		var image = ImageIO.read(new ByteArrayInputStream(officer.getBytes("/registry/people/" + id + "/photo")));
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(image.getHeight()).isEqualTo(400);
		var etag = photo.header("ETag");
		assertThat(etag).isNotBlank();
		assertThat(officer.get("/registry/people/" + id + "/photo", "If-None-Match", etag).status())
			.as("unchanged: nothing sent again over a slow line").isEqualTo(304);

		// a text file named .jpg, then a damaged JPEG: refused in Vietnamese, the photo stays the red one
		var version = storedVersion(id);
		upload(officer, id, "ảnh.jpg", "không phải ảnh".getBytes(StandardCharsets.UTF_8));
		assertThat(officer.get("/registry/people/" + id).body()).contains("không phải ảnh JPG hay PNG");
		var damaged = jpeg(800, 600, Color.BLUE);
		upload(officer, id, "hỏng.jpg", java.util.Arrays.copyOf(damaged, damaged.length / 3));
		assertThat(officer.get("/registry/people/" + id).body()).contains("Không đọc được ảnh này");
		assertThat(storedVersion(id)).as("nothing changed").isEqualTo(version);
		assertThat(officer.get("/registry/people/" + id + "/photo", "If-None-Match", etag).status()).isEqualTo(304);

		// over the server's upload limit (20 MB): refused before anything is read, on the error page in Vietnamese
		var huge = upload(officer, id, "ảnh gốc.jpg", new byte[20 * 1024 * 1024 + 1]);
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.body()).contains("quá lớn");
		assertThat(storedVersion(id)).isEqualTo(version);
		// over the photo's own limit (5 MB), within the server's: the profile says so
		upload(officer, id, "ảnh gốc.jpg", java.util.Arrays.copyOf(jpeg(100, 100, Color.RED), PhotoPolicy.MAX_BYTES + 1));
		assertThat(officer.get("/registry/people/" + id).body()).contains("Ảnh lớn hơn 5 MB");
		assertThat(storedVersion(id)).isEqualTo(version);

		upload(officer, id, "ảnh mới.png", jpeg(300, 400, Color.GREEN));
		var changed = officer.get("/registry/people/" + id + "/photo", "If-None-Match", etag);
		assertThat(changed.status()).as("a new photo is sent again").isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);

		// a stale form (another officer changed the profile meanwhile) is refused, not applied
		var stale = new LinkedHashMap<String, String>();
		var current = officer.get("/registry/people/" + id).body();
		stale.put("_csrf", WebClientSession.csrfToken(current));
		stale.put("version", String.valueOf(storedVersion(id) - 1));
		officer.postMultipart("/registry/people/" + id + "/photo", stale, List.of(new FilePart("photo", "x.jpg", jpeg(10, 10, Color.BLACK))));
		assertThat(officer.get("/registry/people/" + id).body()).contains("vừa được người khác sửa");
		assertThat(officer.get("/registry/people/" + id + "/photo").header("ETag")).isEqualTo(changed.header("ETag"));

		var remove = new LinkedHashMap<String, String>();
		remove.put("_csrf", WebClientSession.csrfToken(current));
		remove.put("version", String.valueOf(storedVersion(id)));
		assertThat(officer.postForm("/registry/people/" + id + "/photo/delete", remove).status()).isEqualTo(302);
		assertThat(officer.get("/registry/people/" + id).body()).contains("Đã xóa ảnh chân dung.").contains("Chưa có ảnh");
		assertThat(officer.get("/registry/people/" + id + "/photo").status()).isEqualTo(404);

		var history = officer.get("/registry/people/" + id + "/history").body();
		assertThat(history.split("<td>Ảnh chân dung</td>", -1)).as("set, changed, removed").hasSize(4);
		assertThat(history).contains("ảnh (mã kiểm tra ");
	}

	@Test
	void a_leader_sees_the_photo_but_cannot_change_it_and_an_intellectual_sees_only_her_own() {
		var id = newPerson();
		profiles.setPhoto(id, 1, PhotoPolicy.normalise(jpeg(600, 800, Color.RED)), "test.hr");
		var leader = TestAccounts.loggedIn(port, administration, "photo.leader", Role.LEADER);
		assertThat(leader.get("/registry/people/" + id + "/photo").status()).isEqualTo(200);
		assertThat(leader.get("/registry/people/" + id).body()).doesNotContain("photo-form").doesNotContain("Xóa ảnh");
		var form = new LinkedHashMap<String, String>();
		form.put("_csrf", WebClientSession.csrfToken(leader.get("/registry/people/" + id).body()));
		form.put("version", "2");
		assertThat(leader.postForm("/registry/people/" + id + "/photo/delete", form).status()).isEqualTo(403);
		assertThat(profiles.hasPhoto(id)).isTrue();

		var intellectual = TestAccounts.loggedIn(port, administration, "photo.other." + UUID.randomUUID().toString()
			.substring(0, 8), Role.INTELLECTUAL);
		assertThat(intellectual.get("/registry/people/" + id + "/photo").status()).isEqualTo(404);
	}

	@Test
	void a_merge_keeps_the_other_records_photo_when_the_survivor_had_none_and_an_erasure_deletes_it() {
		var survivor = newPerson();
		var merged = newPerson();
		profiles.setPhoto(merged, 1, PhotoPolicy.normalise(jpeg(60, 80, Color.BLUE)), "test.hr");
		var photo = profiles.photo(merged).orElseThrow();
		profiles.merge(survivor, 1, merged, "test.hr");
		assertThat(profiles.photo(survivor)).get().extracting(Profiles.Photo::sha256).isEqualTo(photo.sha256());
		assertThat(profiles.hasPhoto(merged)).isFalse();

		erasures.request(survivor, "Chuyển ra nước ngoài", "test.hr").orElseThrow();
		erasures.execute(erasures.open(survivor).orElseThrow(), "test.hr");
		assertThat(profiles.hasPhoto(survivor)).as("a photo is personal data: erased with the rest").isFalse();
	}
}
