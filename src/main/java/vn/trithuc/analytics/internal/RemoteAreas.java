package vn.trithuc.analytics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.shared.VietnameseText;

/**
 * The official lists of remote, extremely disadvantaged communes (vùng sâu, vùng xa, vùng đặc biệt khó khăn) as
 * entries: a commune and the dates its list was in force. Read often (every classification), changed rarely: the
 * entries are kept in memory and read again after a minute or a change.
 */
@Component
public class RemoteAreas {

	public record Entry(UUID id, UUID adminUnit, LocalDate validFrom, @Nullable LocalDate validTo, String decision) {

		boolean covers(LocalDate date) {
			return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
		}
	}

	private static final Duration FRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile Map<UUID, List<Entry>> byUnit = Map.of();
	private volatile Instant loaded = Instant.MIN;

	RemoteAreas(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether {@code adminUnit} is on a list in force on {@code date}. */
	boolean listed(UUID adminUnit, LocalDate date) {
		if (loaded.plus(FRESH).isBefore(clock.instant())) {
			byUnit = all().stream().collect(Collectors.groupingBy(Entry::adminUnit));
			loaded = clock.instant();
		}
		var entries = byUnit.get(adminUnit);
		return entries != null && entries.stream().anyMatch(e -> e.covers(date));
	}

	public List<Entry> all() {
		return jdbc.sql("select id, admin_unit, valid_from, valid_to, decision from analytics.remote_area order by valid_from desc, decision")
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
	}

	UUID add(UUID adminUnit, LocalDate validFrom, @Nullable LocalDate validTo, String decision, String actor) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into analytics.remote_area (id, admin_unit, valid_from, valid_to, decision, created_at, created_by)
				values (:id, :unit, :from, :to, :decision, :at, :by)""")
			.param("id", id).param("unit", adminUnit).param("from", validFrom).param("to", validTo)
			.param("decision", VietnameseText.nfc(decision.strip())).param("at", Timestamp.from(clock.instant()))
			.param("by", actor).update();
		loaded = Instant.MIN;
		return id;
	}

	boolean remove(UUID id) {
		boolean removed = jdbc.sql("delete from analytics.remote_area where id = :id").param("id", id).update() > 0;
		loaded = Instant.MIN;
		return removed;
	}
}
