package vn.trithuc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where every benchmark puts its figures: one JSON object per line in {@code target/bench/figures.jsonl} (and a
 * readable line on standard output). The benchmark suite turns the file into the markdown and JSON report the README
 * links to. A ratio is always measured in the same run as its baseline.
 */
public final class BenchReport {

	public static final Path FIGURES = Path.of("target", "bench", "figures.jsonl");
	/** Facts about the run that only a benchmark can see (e.g. the PostgreSQL version): one "key=value" a line. */
	public static final Path FACTS = Path.of("target", "bench", "facts.properties");

	private BenchReport() {
	}

	/** A plain figure, e.g. ("search", "http p95, 4 clients", 12.3, "ms"). */
	public static void figure(String section, String name, double value, String unit) {
		write(section, name, value, unit, Double.NaN, null);
	}

	/**
	 * A figure with the raw baseline measured side by side; the ratio value / baseline is stored with it, e.g.
	 * ("import", "rows/s, 100k xlsx", 21000, 38000, "rows/s", "parser + COPY").
	 */
	public static void ratio(String section, String name, double value, double baseline, String unit,
			String baselineName) {
		write(section, name, value, unit, baseline, baselineName);
	}

	/** A fact about the run for the report's header, e.g. ("postgresql", "15.13"); the last one of a key wins. */
	public static synchronized void fact(String key, String value) {
		try {
			Files.createDirectories(FACTS.getParent());
			var properties = new java.util.Properties();
			if (Files.exists(FACTS)) {
				try (var in = Files.newBufferedReader(FACTS, StandardCharsets.UTF_8)) {
					properties.load(in);
				}
			}
			properties.setProperty(key, value);
			try (var out = Files.newBufferedWriter(FACTS, StandardCharsets.UTF_8)) {
				properties.store(out, null);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static synchronized void write(String section, String name, double value, String unit, double baseline,
			String baselineName) {
		var line = new StringBuilder("{");
		line.append("\"section\":").append(quote(section));
		line.append(",\"name\":").append(quote(name));
		line.append(",\"value\":").append(number(value));
		line.append(",\"unit\":").append(quote(unit));
		if (!Double.isNaN(baseline)) {
			line.append(",\"baseline\":").append(number(baseline));
			line.append(",\"baselineName\":").append(quote(baselineName));
			line.append(",\"ratio\":").append(number(baseline == 0 ? Double.NaN : value / baseline));
		}
		line.append(",\"at\":").append(quote(java.time.Instant.now().toString())).append("}\n");
		System.out.println("BENCHMARK " + section + " | " + name + " | " + String.format(Locale.ROOT, "%.2f %s", value, unit)
				+ (Double.isNaN(baseline) ? "" : String.format(Locale.ROOT, " | baseline %.2f (%s) | ratio %.2f",
						baseline, baselineName, baseline == 0 ? Double.NaN : value / baseline)));
		try {
			Files.createDirectories(FIGURES.getParent());
			Files.writeString(FIGURES, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String number(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.4f", value);
	}

	private static String quote(String text) {
		if (text == null) {
			return "null";
		}
		var out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return out.append('"').toString();
	}
}
