package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * UI text lives in the message bundles: Vietnamese (default) and English hold the same keys, the Vietnamese
 * text is NFC, every key a template names exists, and no template carries literal text.
 */
class I18nMessagesSyncTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
	private static final Pattern LITERAL_TEXT = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

	@Test
	void vietnamese_and_english_bundles_have_the_same_keys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages_vi.properties").stringPropertyNames());
	}

	@Test
	void vietnamese_texts_are_in_nfc() throws IOException {
		var vi = load("messages_vi.properties");
		vi.stringPropertyNames().forEach(key -> assertThat(Normalizer.isNormalized(vi.getProperty(key),
				Normalizer.Form.NFC)).as(key).isTrue());
		assertThat(vi.getProperty("nav.users")).isEqualTo("Quản lý người dùng");
	}

	@Test
	void every_key_used_in_a_template_exists() throws IOException {
		var keys = load("messages_vi.properties").stringPropertyNames();
		var missing = new TreeSet<String>();
		for (var template : templates()) {
			var matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templates_carry_no_literal_text() throws IOException {
		var literals = new ArrayList<String>();
		for (var template : templates()) {
			var html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			var matcher = LITERAL_TEXT.matcher(html);
			while (matcher.find()) {
				literals.add(TEMPLATES.relativize(template) + ": " + matcher.group(1).strip());
			}
		}
		assertThat(literals).isEmpty();
	}

	private static java.util.List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			var list = files.filter(p -> p.toString().endsWith(".html")).toList();
			assertThat(list).isNotEmpty();
			return list;
		}
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		assertThat(properties).isNotEmpty();
		return properties;
	}
}
