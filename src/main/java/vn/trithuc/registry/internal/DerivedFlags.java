package vn.trithuc.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The derived columns of {@code registry.person} are computed on every write as of that day: the current org unit
 * (which also decides unit scopes), personnel category, party membership and talent flags. They age when a part
 * starts or ends on a later day without any write (a position ending 31/12, a talent recognition with an end
 * date). The nightly job recomputes, as of today, exactly the people with a part that started after the last
 * refreshed day or ended before today. Highest degree never ages (degrees are not end-dated); age bands and
 * "young intellectual" are not stored but computed from the birth date at query time.
 */
@Service
public class DerivedFlags {

	/** On the very first run, how many past days to look back (a restored or long-stopped server). */
	static final int FIRST_RUN_LOOKBACK_DAYS = 31;

	private final JdbcClient jdbc;
	private final Profiles profiles;
	private final Clock clock;
	private final SearchIndex index;

	DerivedFlags(JdbcClient jdbc, Profiles profiles, Clock clock, SearchIndex index) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.clock = clock;
		this.index = index;
	}

	/** Recomputes the aged derived columns as of today. @return how many people were recomputed */
	@Transactional
	public int refresh() {
		var today = LocalDate.now(clock);
		var last = jdbc.sql("select refreshed_through from registry.derived_refresh where id = 1 for update")
			.query(LocalDate.class).optional().orElse(today.minusDays(FIRST_RUN_LOOKBACK_DAYS));
		if (!last.isBefore(today)) {
			return 0;
		}
		// a part valid on `last` but not today ended in [last, today); one valid today but not on `last` started in (last, today]
		List<UUID> people = jdbc.sql("""
				select distinct x.person_id from registry.person_part x join registry.person p on p.id = x.person_id
				where p.merged_into is null
				  and ((x.valid_from > :last and x.valid_from <= :today) or (x.valid_to >= :last and x.valid_to < :today))""")
			.param("last", last).param("today", today).query(UUID.class).list();
		people.forEach(id -> profiles.refreshDerived(id, today));
		// refreshDerived leaves updated_at alone: this instance's search index reads the people again once the refresh
		// commits; the other instances reload when they see the new refreshed_through (SearchIndex.poll)
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					index.refresh(people);
				}
			});
		}
		else {
			index.refresh(people);
		}
		jdbc.sql("""
				insert into registry.derived_refresh (id, refreshed_through) values (1, :today)
				on conflict (id) do update set refreshed_through = excluded.refreshed_through""")
			.param("today", today).update();
		return people.size();
	}
}
