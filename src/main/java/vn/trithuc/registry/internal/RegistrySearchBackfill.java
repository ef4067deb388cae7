package vn.trithuc.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;

/**
 * People stored before the expert finder existed have no expertise document (null): at start-up they get it, with
 * their provinces, in batches (people written since get it on every write, {@link Profiles#refreshDerived}).
 */
@Component
class RegistrySearchBackfill {

	private static final Logger log = LoggerFactory.getLogger(RegistrySearchBackfill.class);
	private static final int BATCH = 2_000;
	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final RegistryCodes codes;
	private final TransactionTemplate transactions;
	private final SearchIndex index;

	RegistrySearchBackfill(JdbcClient jdbc, JdbcTemplate template, RegistryCodes codes, TransactionTemplate transactions,
			SearchIndex index) {
		this.index = index;
		this.jdbc = jdbc;
		this.template = template;
		this.codes = codes;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		long total = 0;
		var fieldNames = new HashMap<String, String>();
		var provinces = new HashMap<UUID, Optional<UUID>>();
		int done;
		do {
			done = transactions.execute(s -> batch(fieldNames, provinces));
			total += done;
		}
		while (done == BATCH);
		if (total > 0 && index.ready()) {
			index.reload(); // the documents changed without updated_at: read everybody again
		}
		if (total > 0) {
			log.info("Expertise documents computed for {} people stored before the expert finder", total);
		}
	}

	/** @return how many people were brought up to date */
	int batch(Map<String, String> fieldNames, Map<UUID, Optional<UUID>> provinces) {
		record Person(UUID id, UUID residence, UUID hometown) {
		}
		var people = jdbc.sql("select id, residence, hometown from registry.person where expertise is null limit " + BATCH)
			.query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
			.list();
		if (people.isEmpty()) {
			return 0;
		}
		var parts = new HashMap<UUID, List<Part>>();
		jdbc.sql("""
				select person_id, id, kind, attributes::text from registry.person_part
				where person_id = any(cast(:ids as uuid[])) and kind in ('DEGREE', 'EXPERTISE', 'WORK', 'ACADEMIC_TITLE')""")
			.param("ids", people.stream().map(p -> p.id().toString()).toArray(String[]::new))
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> parts
				.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(new Part(rs.getObject(2, UUID.class), PartKind.valueOf(rs.getString(3)), null, null,
						Profiles.JSON.readValue(rs.getString(4), MAP))));
		var rows = new ArrayList<Object[]>();
		for (var p : people) {
			var document = SearchDocument.of(parts.getOrDefault(p.id(), List.of()),
					code -> fieldNames.computeIfAbsent(code, c -> codes.name("fields-of-study", c)));
			rows.add(new Object[] { document.fields().toArray(String[]::new), document.academicTitle(), document.expertise(),
					p.residence() == null ? null : provinces.computeIfAbsent(p.residence(), codes::provinceOf).orElse(null),
					p.hometown() == null ? null : provinces.computeIfAbsent(p.hometown(), codes::provinceOf).orElse(null),
					p.id() });
		}
		template.batchUpdate("""
				update registry.person set fields = ?, academic_title = ?, expertise = cast(? as tsvector),
				  residence_province = ?, hometown_province = ? where id = ?""", rows);
		return people.size();
	}
}
