package vn.trithuc.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.shared.VietnameseText;

/**
 * Invitations to an event (dialogue, meeting, seminar: đối thoại, gặp mặt, hội thảo) sent to people the officer
 * finds with the expert finder, within the officer's scope. Contacting people for events is an optional use of
 * their data: only people whose latest {@link #PURPOSE} consent is a grant are contacted, checked again at the
 * moment of sending (a withdrawal takes effect at once); the others are listed as not consenting and not contacted.
 * Their HR data stays as it is. Every person of a sent list is recorded with the outcome.
 */
@Service
@Transactional
public class EventInvitations {

	public static final String PURPOSE = "EVENT_CONTACT";
	/** The most people one invitation reaches (one page of the expert finder at its largest). */
	public static final int MAX_PEOPLE = 200;
	private static final Logger log = LoggerFactory.getLogger(EventInvitations.class);

	private final JdbcClient jdbc;
	private final PeopleSearch search;
	private final ObjectProvider<JavaMailSender> mail;
	private final Clock clock;
	private final String mailFrom;

	EventInvitations(JdbcClient jdbc, PeopleSearch search, ObjectProvider<JavaMailSender> mail, Clock clock,
			@Value("${trithuc.program.mail-from:trithuc@localhost}") String mailFrom) {
		this.jdbc = jdbc;
		this.search = search;
		this.mail = mail;
		this.clock = clock;
		this.mailFrom = mailFrom;
	}

	/** Whether a person may be contacted: consented (contact shown), not consented, or consented without e-mail. */
	public enum Contactability {
		CONSENTED, NO_CONSENT, NO_EMAIL
	}

	/** A person of the list; {@code email} only when they consented to be contacted for events. */
	public record Candidate(UUID id, String name, @Nullable String email, Contactability contactability) {
	}

	/** What a sending did. */
	public record Outcome(UUID invitation, int sent, int notConsenting, int withoutEmail, int failed)
			implements java.io.Serializable {
	}

	/** Nothing to send: no mail server, or an empty title. */
	public static class NotSendableException extends RuntimeException {
		public NotSendableException(String messageKey) {
			super(messageKey);
		}
	}

	public boolean mailConfigured() {
		return mail.getIfAvailable() != null;
	}

	/** The people the expert query finds in the officer's scope, each with whether they may be contacted now. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(String query, Caller officer) {
		if (query.isBlank()) {
			return List.of();
		}
		var rows = search.search(new PeopleSearch.Query(query, Map.of(), 0, MAX_PEOPLE, true), officer).rows();
		if (rows.isEmpty()) {
			return List.of();
		}
		var names = new LinkedHashMap<UUID, String>();
		rows.forEach(r -> names.put(r.id(), r.fullName()));
		var found = jdbc.sql("""
				select p.id, p.email,
				  coalesce((select c.granted from registry.consent c where c.person_id = p.id and c.purpose = :purpose
				            order by c.id desc limit 1), false) as consented
				from registry.person p where p.id = any(cast(:ids as uuid[]))""")
			.param("purpose", PURPOSE).param("ids", names.keySet().stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> {
				var email = rs.getString(2);
				var state = !rs.getBoolean(3) ? Contactability.NO_CONSENT
						: email == null || email.isBlank() ? Contactability.NO_EMAIL : Contactability.CONSENTED;
				var id = rs.getObject(1, UUID.class);
				return new Candidate(id, names.get(id), state == Contactability.CONSENTED ? email.strip() : null, state);
			})
			.list();
		var byId = new LinkedHashMap<UUID, Candidate>();
		found.forEach(c -> byId.put(c.id(), c));
		var result = new ArrayList<Candidate>();
		names.keySet().forEach(id -> {
			if (byId.containsKey(id)) {
				result.add(byId.get(id));
			}
		});
		return result;
	}

	/**
	 * Sends the invitation to the consenting people the query finds now, and records everybody with the outcome.
	 *
	 * @throws NotSendableException without a title or a mail server
	 */
	public Outcome send(String title, @Nullable String details, String query, Caller officer) {
		var sender = mail.getIfAvailable();
		if (title.isBlank()) {
			throw new NotSendableException("registry.eventInvitation.titleRequired");
		}
		if (sender == null) {
			throw new NotSendableException("registry.eventInvitation.noMailServer");
		}
		var cleanTitle = VietnameseText.nfc(title.strip());
		var cleanDetails = details == null || details.isBlank() ? null : VietnameseText.nfc(details.strip());
		if (cleanTitle.length() > 300 || (cleanDetails != null && cleanDetails.length() > 2000)) {
			throw new NotSendableException("registry.eventInvitation.tooLong");
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry.event_invitation (id, title, details, query, sent_by, sent_at)
				values (:id, :title, :details, :query, :by, :now)""")
			.param("id", id).param("title", cleanTitle).param("details", cleanDetails)
			.param("query", VietnameseText.nfc(query.strip())).param("by", officer.username())
			.param("now", Timestamp.from(clock.instant())).update();
		int sent = 0, refused = 0, noEmail = 0, failed = 0;
		for (var candidate : candidates(query, officer)) {
			var outcome = switch (candidate.contactability()) {
				case NO_CONSENT -> "NO_CONSENT";
				case NO_EMAIL -> "NO_EMAIL";
				case CONSENTED -> mailTo(sender, candidate, cleanTitle, cleanDetails) ? "SENT" : "FAILED";
			};
			switch (outcome) {
				case "SENT" -> sent++;
				case "NO_CONSENT" -> refused++;
				case "NO_EMAIL" -> noEmail++;
				default -> failed++;
			}
			jdbc.sql("insert into registry.event_invitation_recipient (invitation_id, person_id, outcome) values (:i, :p, :o)")
				.param("i", id).param("p", candidate.id()).param("o", outcome).update();
		}
		return new Outcome(id, sent, refused, noEmail, failed);
	}

	private boolean mailTo(JavaMailSender sender, Candidate candidate, String title, @Nullable String details) {
		try {
			var message = new SimpleMailMessage();
			message.setFrom(mailFrom);
			message.setTo(candidate.email());
			message.setSubject("Thư mời: " + title);
			message.setText("Kính gửi " + candidate.name() + ",\n\n" + "Trân trọng kính mời Anh/Chị tham dự: " + title + ".\n"
					+ (details == null ? "" : "\n" + details + "\n")
					+ "\nAnh/Chị nhận thư này vì đã đồng ý được liên hệ mời dự các sự kiện, hội thảo. Anh/Chị có thể rút lại "
					+ "sự đồng ý bất cứ lúc nào trên trang hồ sơ của mình.\n");
			sender.send(message);
			return true;
		}
		catch (MailException e) {
			log.warn("Event invitation to {} not sent: {}", candidate.id(), e.getMessage());
			return false;
		}
	}

	/** The recorded outcome of each person of a sent invitation (for tests and the record). */
	@Transactional(readOnly = true)
	public Map<UUID, String> outcomes(UUID invitation) {
		var result = new LinkedHashMap<UUID, String>();
		jdbc.sql("select person_id, outcome from registry.event_invitation_recipient where invitation_id = :i")
			.param("i", invitation).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
			.forEach(e -> result.put(e.getKey(), e.getValue()));
		return result;
	}
}
