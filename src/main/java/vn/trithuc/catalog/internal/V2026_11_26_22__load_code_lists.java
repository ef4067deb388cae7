package vn.trithuc.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeListVersion;

/** Loads version 1 of every code list from {@code classpath:catalog/code-lists/<slug>.csv}, once. */
@Component
class V2026_11_26_22__load_code_lists extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V2026_11_26_22__load_code_lists.class);

	@Override
	public void migrate(Context context) {
		long started = System.nanoTime();
		var template = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
		int rows = 0;
		for (var kind : CodeListKind.values()) {
			var entries = new ArrayList<CodeListEntry>();
			for (var row : CsvRows.classpath("catalog/code-lists/" + kind.slug() + ".csv")) {
				var attributes = new LinkedHashMap<String, String>();
				kind.attributes().forEach(a -> attributes.put(a, row.getOrDefault(a, "")));
				entries.add(new CodeListEntry(kind, row.get("code"), row.get("name"), Integer.parseInt(row.get("sort_order")),
						CodeListEntry.Status.valueOf(row.get("status").toUpperCase(Locale.ROOT)), null, attributes));
			}
			template.update("insert into catalog.code_list (kind, current_version) values (?, 1)", kind.name());
			CodeListStore.insertVersion(template, kind, 1, CodeListVersion.Change.INITIAL,
					"catalog/code-lists/" + kind.slug() + ".csv", "system", Instant.now(), entries);
			rows += entries.size();
		}
		int millis = (int) ((System.nanoTime() - started) / 1_000_000);
		template.update("insert into catalog.data_load (name, version, rows_loaded, millis, loaded_at) values ('code-lists', ?, ?, ?, now())",
				"catalog/code-lists 2026-11-26", rows, millis);
		log.info("Catalog: loaded {} code lists ({} entries) in {} ms", CodeListKind.values().length, rows, millis);
	}
}
