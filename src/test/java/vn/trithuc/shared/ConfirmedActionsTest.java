package vn.trithuc.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every form that deletes, ends, merges, revokes or erases something asks first: it carries a data-confirm question
 * (app.js asks it before a normal or boosted submit). A new destructive form without one fails here.
 */
class ConfirmedActionsTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.DOTALL);
	private static final Pattern DESTRUCTIVE = Pattern.compile(
			"th:action=\"@\\{[^\"]*/(delete|end|merge|revoke|remove|retire|discard|erasure|execute|end-sessions|reset-password|reset-second-factor|disable)[/(}\"]");

	@Test
	void destructive_forms_ask_before_they_submit() throws IOException {
		var unconfirmed = new ArrayList<String>();
		int destructive = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				var matcher = FORM.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					var form = matcher.group();
					if (DESTRUCTIVE.matcher(form).find()) {
						destructive++;
						if (!form.contains("data-confirm=")) {
							unconfirmed.add(TEMPLATES.relativize(file) + ": " + form.replaceAll("\\s+", " "));
						}
					}
				}
			}
		}
		assertThat(destructive).as("the rule still finds the destructive forms").isGreaterThanOrEqualTo(15);
		assertThat(unconfirmed).isEmpty();
	}
}
