package vn.trithuc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last step of {@code mvn verify -Pbench}: turns {@code target/bench/figures.jsonl} (written by {@link BenchReport})
 * into {@code docs/bench/latest.md} and {@code docs/bench/latest.json}, with the machine the figures were measured on,
 * and prints the table. Fails when no benchmark wrote a figure.
 */
public final class BenchSummary {

	static final Path MARKDOWN = Path.of("docs", "bench", "latest.md");
	static final Path JSON = Path.of("docs", "bench", "latest.json");

	private BenchSummary() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (!Files.isRegularFile(BenchReport.FIGURES)) {
			throw new IllegalStateException("no benchmark figures in " + BenchReport.FIGURES.toAbsolutePath());
		}
		var mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		var figures = new ArrayList<JsonNode>();
		for (var line : Files.readAllLines(BenchReport.FIGURES, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				figures.add(mapper.readTree(line));
			}
		}
		if (figures.isEmpty()) {
			throw new IllegalStateException("no benchmark figures in " + BenchReport.FIGURES.toAbsolutePath());
		}
		var machine = machine();
		var failed = failedBenchmarks(Path.of("target", "surefire-reports"));
		var markdown = markdown(machine, figures, failed);
		Files.createDirectories(MARKDOWN.getParent());
		Files.writeString(MARKDOWN, markdown, StandardCharsets.UTF_8);
		var json = new LinkedHashMap<String, Object>();
		json.put("machine", machine);
		json.put("failed", failed);
		json.put("figures", figures);
		Files.writeString(JSON, mapper.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
		System.out.println(markdown);
		System.out.println("Benchmark report: " + MARKDOWN.toAbsolutePath() + " and " + JSON.getFileName());
		if (!failed.isEmpty()) {
			throw new IllegalStateException("benchmarks failed (see target/surefire-reports): " + failed);
		}
	}

	/** The benchmark classes whose surefire report counts a failure or an error. */
	static List<String> failedBenchmarks(Path reports) throws IOException {
		var failed = new ArrayList<String>();
		if (!Files.isDirectory(reports)) {
			return failed;
		}
		var counts = java.util.regex.Pattern.compile("<testsuite[^>]*?\\sname=\"([^\"]+)\"[^>]*>");
		try (var files = Files.list(reports)) {
			for (var file : files.filter(f -> f.getFileName().toString().matches("TEST-.*Benchmark\\.xml")).sorted().toList()) {
				var head = Files.readString(file, StandardCharsets.UTF_8);
				var suite = counts.matcher(head);
				if (suite.find() && (attribute(suite.group(), "failures") > 0 || attribute(suite.group(), "errors") > 0)) {
					failed.add(suite.group(1).replaceAll(".*\\.", ""));
				}
			}
		}
		return failed;
	}

	private static int attribute(String tag, String name) {
		var matcher = java.util.regex.Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(tag);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	/** What the figures were measured on, and with which code and data. */
	static Map<String, String> machine() throws IOException, InterruptedException {
		var facts = new Properties();
		if (Files.isRegularFile(BenchReport.FACTS)) {
			try (var in = Files.newBufferedReader(BenchReport.FACTS, StandardCharsets.UTF_8)) {
				facts.load(in);
			}
		}
		var machine = new LinkedHashMap<String, String>();
		machine.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
		machine.put("size", System.getProperty("bench.size", "100k"));
		machine.put("people", facts.getProperty("people", "?"));
		machine.put("cpu", procLine(Path.of("/proc/cpuinfo"), "model name"));
		machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
		var memory = procLine(Path.of("/proc/meminfo"), "MemTotal");
		machine.put("ram", memory.endsWith(" kB")
				? String.format(Locale.ROOT, "%.1f GB", Long.parseLong(memory.replace(" kB", "").strip()) / 1024.0 / 1024.0)
				: memory);
		machine.put("load average (1, 5, 15 min) at the end", Files.isRegularFile(Path.of("/proc/loadavg"))
				? String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)) : "?");
		machine.put("os", osName() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + ")");
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("postgresql", facts.getProperty("postgresql", "?"));
		machine.put("commit", git("rev-parse", "--short=12", "HEAD") + (git("status", "--porcelain", "--", ".", ":!docs/bench").isBlank() ? "" : " (with uncommitted changes)"));
		return machine;
	}

	static String markdown(Map<String, String> machine, List<JsonNode> figures, List<String> failed) {
		var out = new StringBuilder("# Benchmark: latest run\n\n");
		out.append("Written by `mvn -o -B verify -Pbench -Dbench.size=").append(machine.get("size"))
			.append("` (see README, Benchmarks). Ratios are the figure divided by a raw baseline measured in the same run.\n\n");
		if (!failed.isEmpty()) {
			out.append("**Failed in this run** (no or partial figures): ").append(String.join(", ", failed)).append("\n\n");
		}
		out.append("| machine | |\n|---|---|\n");
		machine.forEach((key, value) -> out.append("| ").append(key).append(" | ").append(escape(value)).append(" |\n"));
		out.append("\n| section | figure | value | unit | baseline | ratio |\n|---|---|---:|---|---|---:|\n");
		for (var figure : figures) {
			out.append("| ").append(escape(figure.path("section").asString()));
			out.append(" | ").append(escape(figure.path("name").asString()));
			out.append(" | ").append(number(figure.path("value")));
			out.append(" | ").append(escape(figure.path("unit").asString()));
			if (figure.hasNonNull("baseline")) {
				out.append(" | ").append(number(figure.path("baseline"))).append(' ')
					.append(escape(figure.path("baselineName").asString()));
				out.append(" | ").append(figure.hasNonNull("ratio")
						? String.format(Locale.ROOT, "%.2f", figure.path("ratio").asDouble()) : "");
			}
			else {
				out.append(" | | ");
			}
			out.append(" |\n");
		}
		return out.toString();
	}

	private static String number(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return "";
		}
		double v = value.asDouble();
		if (Math.abs(v) >= 100 || v == Math.rint(v)) {
			return String.format(Locale.ROOT, "%,.0f", v);
		}
		return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
	}

	private static String escape(String text) {
		return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
	}

	private static String procLine(Path file, String key) throws IOException {
		if (!Files.isRegularFile(file)) {
			return "?";
		}
		for (var line : Files.readAllLines(file)) {
			if (line.startsWith(key)) {
				return line.substring(line.indexOf(':') + 1).strip();
			}
		}
		return "?";
	}

	private static String osName() throws IOException {
		var release = Path.of("/etc/os-release");
		if (Files.isRegularFile(release)) {
			for (var line : Files.readAllLines(release)) {
				if (line.startsWith("PRETTY_NAME=")) {
					return line.substring("PRETTY_NAME=".length()).replace("\"", "");
				}
			}
		}
		return System.getProperty("os.name");
	}

	private static String git(String... args) throws IOException, InterruptedException {
		var command = new ArrayList<String>(List.of("git"));
		command.addAll(List.of(args));
		try {
			var process = new ProcessBuilder(command).redirectErrorStream(true).start();
			var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "?";
		}
		catch (IOException noGit) {
			return "?";
		}
	}
}
