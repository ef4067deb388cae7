package vn.trithuc.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import vn.trithuc.shared.VietnameseText;

/** The catalog's CSV files (RFC 4180: comma, double quotes, UTF-8, header row), as header → value maps. */
final class CsvRows {

	private CsvRows() {
	}

	static List<Map<String, String>> classpath(String path) {
		try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8))) {
			return read(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + path, e);
		}
	}

	static List<Map<String, String>> read(BufferedReader reader) throws IOException {
		var rows = new ArrayList<Map<String, String>>();
		List<String> header = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank()) {
				continue;
			}
			var fields = split(line);
			if (header == null) {
				header = fields.stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
				continue;
			}
			var row = new LinkedHashMap<String, String>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), i < fields.size() ? VietnameseText.nfc(fields.get(i)) : "");
			}
			rows.add(row);
		}
		return rows;
	}

	/** Splits one line (quoted fields may hold commas and doubled quotes; no line breaks inside fields). */
	static List<String> split(String line) {
		var fields = new ArrayList<String>();
		var current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		fields.add(current.toString());
		return fields;
	}
}
