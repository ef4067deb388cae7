package vn.trithuc.identity.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.trithuc.identity.SecurityAudit;
import vn.trithuc.identity.SecurityEventType;
import vn.trithuc.shared.Formats;

/**
 * The security audit log ({@code identity.security_event}): who did what to whom, when and from where.
 * The table refuses updates and deletes; a scheduled purge removes entries older than the retention.
 */
@Service
public class SecurityEvents implements SecurityAudit {

	/** The actor of work no user started (first start, demo data, scheduled jobs). */
	public static final String SYSTEM = "system";
	private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final IdentitySettings settings;

	SecurityEvents(JdbcClient jdbc, Clock clock, IdentitySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public void recordPersonalDataExport(String what, long rows) {
		record(SecurityEventType.PERSONAL_DATA_EXPORTED, null, what + " (" + rows + ")");
	}

	@Override
	public void recordScopeChange(String subjectUsername, String details) {
		record(SecurityEventType.SCOPE_CHANGED, subjectUsername, details);
	}

	@Override
	public void record(SecurityEventType type, @Nullable String subjectUsername, @Nullable String details) {
		record(type, currentActor(), subjectUsername, details);
	}

	/** Records an event whose actor is known (e.g. the user name typed at login). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(SecurityEventType type, String actor, @Nullable String subject, @Nullable String details) {
		jdbc.sql("""
				insert into identity.security_event (id, occurred_at, event_type, actor, subject, remote_address, details)
				values (:id, :at, :type, :actor, :subject, :address, :details)""")
			.param("id", UUID.randomUUID())
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("type", type.name())
			.param("actor", cut(actor, 100))
			.param("subject", subject == null ? null : cut(subject, 100))
			.param("address", remoteAddress())
			.param("details", details == null ? null : cut(details, 1000))
			.update();
	}

	static String currentActor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	/** The client's address as Tomcat's RemoteIpValve resolved it (X-Forwarded-For from trusted proxies). */
	static @Nullable String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return cut(attributes.getRequest().getRemoteAddr(), 64);
		}
		return null;
	}

	/** One page of entries, newest first. */
	@Transactional(readOnly = true)
	public EventPage search(Filter filter, int page, int size) {
		var where = new StringBuilder(" where true");
		var params = new LinkedHashMap<String, Object>();
		filter.appendTo(where, params);
		long total = jdbc.sql("select count(*) from identity.security_event" + where).params(params)
			.query(Long.class).single();
		var rows = jdbc.sql("select * from identity.security_event" + where
				+ " order by occurred_at desc, id limit :size offset :offset")
			.params(params).param("size", size).param("offset", (long) page * size)
			.query(SecurityEvents::entry).list();
		return new EventPage(rows, page, size, total);
	}

	/**
	 * Every matching entry as CSV for Excel: UTF-8 with BOM, formula-like cells neutralised; {@code sent} counts the
	 * rows written, also when writing fails midway (the caller records the export either way).
	 */
	@Transactional(readOnly = true)
	public void exportCsv(Filter filter, Writer out, List<String> header,
			java.util.function.Function<SecurityEventType, String> typeName, java.util.concurrent.atomic.AtomicLong sent)
			throws IOException {
		var where = new StringBuilder(" where true");
		var params = new LinkedHashMap<String, Object>();
		filter.appendTo(where, params);
		out.write('\uFEFF');
		out.write(csvRow(header));
		var failure = new IOException[1];
		jdbc.sql("select * from identity.security_event" + where + " order by occurred_at desc, id").params(params)
			.query(SecurityEvents::entry).stream().takeWhile(e -> failure[0] == null).forEach(e -> {
				try {
					out.write(csvRow(java.util.Arrays.asList(Formats.DATE_TIME.format(e.occurredAt().atZone(Formats.ZONE)),
							typeName.apply(e.type()), e.actor(), e.subject(), e.remoteAddress(), e.details())));
					sent.incrementAndGet();
				}
				catch (IOException io) {
					failure[0] = io;
				}
			});
		if (failure[0] != null) {
			throw failure[0];
		}
		out.flush();
	}

	static String csvRow(List<String> cells) {
		var line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(csvCell(cells.get(i)));
		}
		return line.append("\r\n").toString();
	}

	/** Quotes a cell; one starting with = + - @ (or tab/CR) gets an apostrophe so Excel shows it as text. */
	static String csvCell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		var text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	/**
	 * Removes entries older than the retention (at least 180 days, also enforced by the database). Run every
	 * 6 h by the cluster-wide recurring job {@code identity-audit-purge} ({@link IdentityJobs}).
	 */
	@Transactional
	public long purgeExpired() {
		var cutoff = clock.instant().minus(settings.auditRetention());
		Long removed = jdbc.sql("select identity.purge_security_events(:cutoff)")
			.param("cutoff", java.sql.Timestamp.from(cutoff)).query(Long.class).single();
		if (removed != null && removed > 0) {
			log.info("Security audit log: {} entries older than {} removed", removed, cutoff);
		}
		return removed == null ? 0 : removed;
	}

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
				SecurityEventType.valueOf(rs.getString("event_type")), rs.getString("actor"), rs.getString("subject"),
				rs.getString("remote_address"), rs.getString("details"));
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	/**
	 * @param user matches the actor or the subject (exact user name)
	 * @param from first day, inclusive (Vietnam time)
	 * @param to last day, inclusive
	 */
	public record Filter(@Nullable String user, @Nullable SecurityEventType type, @Nullable LocalDate from,
			@Nullable LocalDate to) {

		void appendTo(StringBuilder where, Map<String, Object> params) {
			if (user != null && !user.isBlank()) {
				where.append(" and (actor = :user or subject = :user)");
				params.put("user", user.strip().toLowerCase(java.util.Locale.ROOT));
			}
			if (type != null) {
				where.append(" and event_type = :type");
				params.put("type", type.name());
			}
			if (from != null) {
				where.append(" and occurred_at >= :from");
				params.put("from", java.sql.Timestamp.from(from.atStartOfDay(Formats.ZONE).toInstant()));
			}
			if (to != null) {
				where.append(" and occurred_at < :to");
				params.put("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant()));
			}
		}
	}

	public record Entry(UUID id, Instant occurredAt, SecurityEventType type, String actor, @Nullable String subject,
			@Nullable String remoteAddress, @Nullable String details) {
	}

	public record EventPage(List<Entry> events, int page, int size, long total) {
		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}
}
