package vn.trithuc.registry.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

import vn.trithuc.identity.IntellectualAccounts;

/**
 * Invitations: an officer who reaches a person (scope) invites them by e-mail with a one-time link that expires
 * after {@link #VALIDITY}; the person chooses a password (the password policy of every user) and gets an account
 * with the role intellectual, named by their e-mail address and linked to their profile. A new invitation
 * replaces the open ones; a used, replaced or expired link is refused. Only a SHA-256 of the token is stored.
 */
@Service
@Transactional
public class Invitations {

	private static final Logger log = LoggerFactory.getLogger(Invitations.class);
	public static final Duration VALIDITY = Duration.ofDays(7);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Profiles profiles;
	private final IntellectualAccounts accounts;
	private final ObjectProvider<JavaMailSender> mail;
	private final Clock clock;
	private final String mailFrom;

	private final RegistrySettings settings;

	Invitations(JdbcClient jdbc, Profiles profiles, IntellectualAccounts accounts, ObjectProvider<JavaMailSender> mail,
			Clock clock, @Value("${trithuc.program.mail-from:trithuc@localhost}") String mailFrom, RegistrySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.profiles = profiles;
		this.accounts = accounts;
		this.mail = mail;
		this.clock = clock;
		this.mailFrom = mailFrom;
	}

	/** Why an invitation cannot be sent (message keys). */
	public static class NotInvitableException extends RuntimeException {
		public NotInvitableException(String messageKey) {
			super(messageKey);
		}
	}

	/** @param link the link to hand over when no mail server is configured; null when the mail left */
	public record Sent(String email, @Nullable String link) {
	}

	/**
	 * Invites a person the officer reaches; {@code baseUrl} is the site's address as the officer sees it, used for the
	 * link unless {@code trithuc.registry.public-url} is set (the request's host and forwarded headers are the
	 * requester's to choose; a configured address is not).
	 *
	 * @throws NotInvitableException without an e-mail address, with an account already, or a taken user name
	 */
	public Sent invite(UUID person, Caller officer, String baseUrl) {
		var profile = profiles.find(person, officer).orElseThrow(() -> new Profiles.UnknownPersonException(person));
		var email = profile.data().email();
		if (profile.data().userAccount() != null) {
			throw new NotInvitableException("registry.invitation.hasAccount");
		}
		if (email == null || email.isBlank()) {
			throw new NotInvitableException("registry.invitation.noEmail");
		}
		if (email.length() > 64 || accounts.exists(email)) {
			throw new NotInvitableException("registry.invitation.usernameTaken");
		}
		var now = clock.instant();
		jdbc.sql("update registry.invitation set status = 'REPLACED', closed_at = :now where person_id = :p and status = 'OPEN'")
			.param("p", person).param("now", Timestamp.from(now)).update();
		var token = token();
		jdbc.sql("""
				insert into registry.invitation (id, person_id, token_hash, email, created_by, created_at, expires_at, status)
				values (:id, :p, :hash, :email, :by, :now, :expires, 'OPEN')""")
			.param("id", UUID.randomUUID()).param("p", person).param("hash", hash(token)).param("email", email)
			.param("by", officer.username()).param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(VALIDITY))).update();
		var link = (settings.publicUrl() != null ? settings.publicUrl() : baseUrl) + "/invitation/" + token;
		var sender = mail.getIfAvailable();
		if (sender == null) {
			return new Sent(email, link);
		}
		try {
			var message = new SimpleMailMessage();
			message.setFrom(mailFrom);
			message.setTo(email);
			message.setSubject("Mời tạo tài khoản TriThức");
			message.setText("Kính gửi " + profile.fullName() + ",\n\n"
					+ "Cơ quan quản lý cơ sở dữ liệu đội ngũ trí thức mời Anh/Chị tạo tài khoản để xem hồ sơ của mình, "
					+ "đề nghị cập nhật và quản lý việc đồng ý sử dụng thông tin.\n\n"
					+ "Mở đường dẫn sau (dùng được một lần, trong " + VALIDITY.toDays() + " ngày) và chọn mật khẩu:\n" + link
					+ "\n\nTên đăng nhập của Anh/Chị là: " + email.strip().toLowerCase(java.util.Locale.ROOT)
					+ "\n\nNếu Anh/Chị không chờ thư này, xin bỏ qua.\n");
			sender.send(message);
			return new Sent(email, null);
		}
		catch (MailException e) {
			log.warn("Invitation to {} not sent: {}", email, e.getMessage());
			return new Sent(email, link);
		}
	}

	/** The state of a link. */
	public enum LinkState {
		VALID, EXPIRED, USED, REPLACED, UNKNOWN
	}

	public record Link(LinkState state, @Nullable UUID invitation, @Nullable UUID person, @Nullable String username,
			@Nullable String personName) {
	}

	@Transactional(readOnly = true)
	public Link check(String token) {
		return find(token, false);
	}

	private Link find(String token, boolean lock) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
			return new Link(LinkState.UNKNOWN, null, null, null, null);
		}
		return jdbc.sql("select id, person_id, email, status, expires_at from registry.invitation where token_hash = :h"
				+ (lock ? " for update" : "")).param("h", hash(token))
			.query((rs, n) -> {
				var person = rs.getObject(2, UUID.class);
				var status = rs.getString(4);
				var state = switch (status) {
					case "USED" -> LinkState.USED;
					case "REPLACED" -> LinkState.REPLACED;
					default -> rs.getTimestamp(5).toInstant().isAfter(clock.instant()) ? LinkState.VALID : LinkState.EXPIRED;
				};
				var name = profiles.load(person).map(Profile::fullName).orElse("");
				return new Link(state, rs.getObject(1, UUID.class), person,
						rs.getString(3).strip().toLowerCase(java.util.Locale.ROOT), name);
			}).optional().orElse(new Link(LinkState.UNKNOWN, null, null, null, null));
	}

	/**
	 * Opens the account of a valid link and links it to the profile, in one transaction.
	 *
	 * @return the password rules broken (empty = done); a link that is no longer valid answers its state
	 */
	public Accepted accept(String token, String password) {
		var link = find(token, true);
		if (link.state() != LinkState.VALID) {
			return new Accepted(link.state(), List.of());
		}
		var broken = accounts.open(link.username(), link.personName(), link.username(), password,
				"invitation:" + link.invitation());
		if (!broken.isEmpty()) {
			return new Accepted(LinkState.VALID, broken);
		}
		var profile = profiles.load(link.person()).orElseThrow();
		var d = profile.data();
		profiles.update(link.person(), profile.version(), new PersonData(d.familyName(), d.middleName(), d.givenName(),
				d.otherNames(), d.sex(), d.birthDate(), d.birthYear(), d.ethnicGroup(), d.religion(), d.nationalId(), d.oldId(),
				d.hometown(), d.residence(), d.phone(), d.email(), link.username()), link.username());
		jdbc.sql("update registry.invitation set status = 'USED', closed_at = :now, username = :u where id = :id")
			.param("now", Timestamp.from(clock.instant())).param("u", link.username()).param("id", link.invitation()).update();
		return new Accepted(LinkState.USED, List.of());
	}

	/** @param state USED when the account was opened now; broken password rules when state is VALID */
	public record Accepted(LinkState state, List<IntellectualAccounts.BrokenRule> broken) {
		public boolean opened() {
			return state == LinkState.USED && broken.isEmpty();
		}
	}

	private static String token() {
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return vn.trithuc.shared.Sha256.hex(token);
	}
}
