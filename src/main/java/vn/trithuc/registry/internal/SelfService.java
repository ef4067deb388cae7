package vn.trithuc.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;

/**
 * Self-service: an intellectual proposes changes to their own profile (contact details, or a new degree,
 * language, work, ...); an officer approves — the change is then made, audited as theirs — or returns it with a
 * reason. Consent per purpose: the person grants or withdraws it; every change is kept; a withdrawal takes effect
 * at once (the public expert directory reads the latest row).
 */
@Service
@Transactional
public class SelfService {

	public static final String CONTACT = "CONTACT";
	public static final List<String> CONTACT_FIELDS = List.of("phone", "email");
	public static final List<String> PURPOSES = List.of("EXPERT_DIRECTORY", "EVENT_CONTACT");

	private final JdbcClient jdbc;
	private final Profiles profiles;
	private final Clock clock;

	SelfService(JdbcClient jdbc, Profiles profiles, Clock clock) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.clock = clock;
	}

	public record Request(UUID id, UUID person, String personName, String kind, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, Map<String, String> attributes, @Nullable String note, String status,
			String createdBy, Instant createdAt, @Nullable String decidedBy, @Nullable String reason,
			List<EvidenceFile> files, @Nullable UUID resubmits, @Nullable String previousReason, boolean resubmitted) {

		/** A returned request its person may still correct and send again. */
		public boolean resubmittable() {
			return status.equals("RETURNED") && !resubmitted;
		}
	}

	/** A returned request was already sent again, or is not returned (any more). */
	public static class NotResubmittableException extends RuntimeException {

		NotResubmittableException(UUID id) {
			super("request " + id + " cannot be resubmitted");
		}
	}

	/** An evidence file of a request, without its content. */
	public record EvidenceFile(UUID id, String name, String contentType, int size) {
	}

	/** The content of an evidence file, for download. */
	public record EvidenceContent(String name, String contentType, byte[] content) {
	}

	/** Proposes a change to the caller's own profile; checked like an officer's edit. @return the request */
	public UUID propose(UUID person, String kind, @Nullable LocalDate from, @Nullable LocalDate to,
			Map<String, String> input, @Nullable String note, String actor) {
		return propose(person, kind, from, to, input, note, List.of(), actor);
	}

	/**
	 * The same with evidence files (checked by {@link EvidenceFilePolicy}; one bad file refuses the whole request).
	 *
	 * @throws Profiles.InvalidProfileException for invalid data or a refused file (field {@code evidence})
	 */
	public UUID propose(UUID person, String kind, @Nullable LocalDate from, @Nullable LocalDate to,
			Map<String, String> input, @Nullable String note, List<EvidenceFilePolicy.Upload> uploads, String actor) {
		return propose(person, kind, from, to, input, note, uploads, null, actor);
	}

	/**
	 * Sends a returned request of the person again, corrected: a new open request naming the returned one. Without
	 * new files the returned request's evidence files go with it.
	 *
	 * @throws NotResubmittableException when {@code returned} is not the person's returned, not yet resubmitted request
	 * @throws Profiles.InvalidProfileException for invalid data or a refused file
	 */
	public UUID resubmit(UUID returned, UUID person, @Nullable LocalDate from, @Nullable LocalDate to,
			Map<String, String> input, @Nullable String note, List<EvidenceFilePolicy.Upload> uploads, String actor) {
		var previous = jdbc.sql("""
				select kind from registry.change_request r where r.id = :id and r.person_id = :person and r.status = 'RETURNED'
				  and not exists (select 1 from registry.change_request n where n.resubmits = r.id) for update""")
			.param("id", returned).param("person", person).query(String.class).optional()
			.orElseThrow(() -> new NotResubmittableException(returned));
		return propose(person, previous, from, to, input, note, uploads, returned, actor);
	}

	private UUID propose(UUID person, String kind, @Nullable LocalDate from, @Nullable LocalDate to,
			Map<String, String> input, @Nullable String note, List<EvidenceFilePolicy.Upload> uploads,
			@Nullable UUID resubmits, String actor) {
		var files = EvidenceFilePolicy.check(uploads);
		Map<String, String> attributes;
		if (kind.equals(CONTACT)) {
			attributes = new LinkedHashMap<>();
			for (var field : CONTACT_FIELDS) {
				var value = input.get(field);
				attributes.put(field, value == null ? "" : value.strip());
			}
		}
		else {
			var partKind = PartKind.valueOf(kind);
			if (partKind.sensitive()) {
				throw new IllegalArgumentException("party membership is not self-service");
			}
			attributes = profiles.validatePart(partKind, from, to, input);
		}
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry.change_request (id, person_id, kind, valid_from, valid_to, attributes, note, status,
				  created_by, created_at, resubmits)
				values (:id, :person, :kind, :from, :to, cast(:attributes as jsonb), :note, 'OPEN', :actor, :now, :resubmits)""")
			.param("id", id).param("resubmits", resubmits).param("person", person).param("kind", kind).param("from", from).param("to", to)
			.param("attributes", Profiles.JSON.writeValueAsString(attributes))
			.param("note", note == null || note.isBlank() ? null : vn.trithuc.shared.VietnameseText.nfc(note))
			.param("actor", actor).param("now", Timestamp.from(clock.instant())).update();
		int position = 0;
		for (var file : files) {
			jdbc.sql("""
					insert into registry.change_request_file (id, request_id, position, file_name, content_type, size, sha256,
					  content, created_at)
					values (:id, :request, :position, :name, :type, :size, :sha, :content, :now)""")
				.param("id", UUID.randomUUID()).param("request", id).param("position", position++)
				.param("name", file.name()).param("type", file.type().contentType()).param("size", file.content().length)
				.param("sha", vn.trithuc.shared.Sha256.hex(file.content())).param("content", file.content())
				.param("now", Timestamp.from(clock.instant())).update();
		}
		if (files.isEmpty() && resubmits != null) {
			jdbc.sql("""
					insert into registry.change_request_file (id, request_id, position, file_name, content_type, size, sha256,
					  content, created_at)
					select gen_random_uuid(), :id, position, file_name, content_type, size, sha256, content, :now
					from registry.change_request_file where request_id = :previous""")
				.param("id", id).param("previous", resubmits).param("now", Timestamp.from(clock.instant())).update();
		}
		return id;
	}

	/** An evidence file of a request the caller reaches (an officer by scope, the person their own). */
	@Transactional(readOnly = true)
	public Optional<EvidenceContent> evidence(UUID request, UUID file, Caller caller, RegistryScope scope) {
		var filter = scope.filter(caller);
		return jdbc.sql("""
				select f.file_name, f.content_type, f.content from registry.change_request_file f
				join registry.change_request r on r.id = f.request_id join registry.person p on p.id = r.person_id
				where f.id = :file and f.request_id = :request\s""" + "and " + filter.sql())
			.params(filter.parameters()).param("file", file).param("request", request)
			.query((rs, n) -> new EvidenceContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
	}

	/** Open requests of the people the officer reaches. */
	@Transactional(readOnly = true)
	public List<Request> open(Caller officer, RegistryScope scope) {
		var filter = scope.filter(officer);
		return requests("where r.status = 'OPEN' and " + filter.sql(), filter.parameters());
	}

	@Transactional(readOnly = true)
	public List<Request> ofPerson(UUID person) {
		return requests("where r.person_id = :person", Map.of("person", person));
	}

	/** One request of the person (their own), e.g. a returned one to correct and send again. */
	@Transactional(readOnly = true)
	public Optional<Request> own(UUID id, UUID person) {
		return requests("where r.id = :id and r.person_id = :person", Map.of("id", id, "person", person)).stream()
			.findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Request> find(UUID id, Caller officer, RegistryScope scope) {
		var filter = scope.filter(officer);
		var params = new java.util.HashMap<String, Object>(filter.parameters());
		params.put("id", id);
		return requests("where r.id = :id and " + filter.sql(), params).stream().findFirst();
	}

	private List<Request> requests(String where, Map<String, Object> params) {
		var requests = jdbc.sql("""
				select r.*, p.family_name, p.middle_name, p.given_name, r.attributes::text as attributes_text,
				  (select o.reason from registry.change_request o where o.id = r.resubmits) as previous_reason,
				  exists (select 1 from registry.change_request n where n.resubmits = r.id) as resubmitted
				from registry.change_request r join registry.person p on p.id = r.person_id
				""" + where + " order by r.created_at desc limit 200").params(params)
			.query((rs, n) -> new Request(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					String.join(" ", rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"))
						.replaceAll("\\s+", " "),
					rs.getString("kind"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					Profiles.JSON.readValue(rs.getString("attributes_text"), new TypeReference<LinkedHashMap<String, String>>() {
					}), rs.getString("note"), rs.getString("status"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"), rs.getString("reason"), List.of(),
					rs.getObject("resubmits", UUID.class), rs.getString("previous_reason"), rs.getBoolean("resubmitted")))
			.list();
		if (requests.isEmpty()) {
			return requests;
		}
		var files = new java.util.HashMap<UUID, List<EvidenceFile>>();
		jdbc.sql("""
				select request_id, id, file_name, content_type, size from registry.change_request_file
				where request_id = any(cast(:ids as uuid[])) order by request_id, position""")
			.param("ids", requests.stream().map(r -> r.id().toString()).toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
					new EvidenceFile(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5))))
			.list().forEach(e -> files.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return requests.stream().map(r -> new Request(r.id(), r.person(), r.personName(), r.kind(), r.validFrom(), r.validTo(),
				r.attributes(), r.note(), r.status(), r.createdBy(), r.createdAt(), r.decidedBy(), r.reason(),
				files.getOrDefault(r.id(), List.of()), r.resubmits(), r.previousReason(), r.resubmitted())).toList();
	}

	/** Makes the proposed change (as the officer, audited) and closes the request. */
	public void approve(Request request, String officer) {
		var profile = profiles.load(request.person()).orElseThrow(() -> new Profiles.UnknownPersonException(request.person()));
		if (request.kind().equals(CONTACT)) {
			var d = profile.data();
			var data = new PersonData(d.familyName(), d.middleName(), d.givenName(), d.otherNames(), d.sex(), d.birthDate(),
					d.birthYear(), d.ethnicGroup(), d.religion(), d.nationalId(), d.oldId(), d.hometown(), d.residence(),
					request.attributes().getOrDefault("phone", d.phone()), request.attributes().getOrDefault("email", d.email()),
					d.userAccount());
			profiles.update(request.person(), profile.version(), data, officer);
		}
		else {
			profiles.addPart(request.person(), profile.version(), PartKind.valueOf(request.kind()), request.validFrom(),
					request.validTo(), request.attributes(), officer);
		}
		decide(request.id(), "APPROVED", officer, null);
	}

	public void giveBack(Request request, String officer, String reason) {
		decide(request.id(), "RETURNED", officer, vn.trithuc.shared.VietnameseText.nfc(reason));
	}

	private void decide(UUID id, String status, String officer, @Nullable String reason) {
		int updated = jdbc.sql("""
				update registry.change_request set status = :status, decided_by = :officer, decided_at = :now, reason = :reason
				where id = :id and status = 'OPEN'""")
			.param("status", status).param("officer", officer).param("now", Timestamp.from(clock.instant()))
			.param("reason", reason).param("id", id).update();
		if (updated == 0) {
			throw new org.springframework.dao.OptimisticLockingFailureException("request " + id + " already decided");
		}
	}

	// ---------------------------------------------------------------- consent

	/** The purposes consented to now. */
	@Transactional(readOnly = true)
	public Map<String, Boolean> consents(UUID person) {
		var result = new LinkedHashMap<String, Boolean>();
		PURPOSES.forEach(p -> result.put(p, false));
		jdbc.sql("""
				select distinct on (purpose) purpose, granted from registry.consent where person_id = :person
				order by purpose, id desc""").param("person", person)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list()
			.forEach(e -> result.put(e.getKey(), e.getValue()));
		return result;
	}

	public void consent(UUID person, String purpose, boolean granted, String actor) {
		if (!PURPOSES.contains(purpose)) {
			throw new IllegalArgumentException("unknown purpose " + purpose);
		}
		jdbc.sql("insert into registry.consent (person_id, purpose, granted, at, actor) values (:p, :purpose, :g, :now, :actor)")
			.param("p", person).param("purpose", purpose).param("g", granted).param("now", Timestamp.from(clock.instant()))
			.param("actor", actor).update();
	}

	public record ConsentChange(String purpose, boolean granted, Instant at, String actor) {
	}

	@Transactional(readOnly = true)
	public List<ConsentChange> consentHistory(UUID person) {
		return jdbc.sql("select purpose, granted, at, actor from registry.consent where person_id = :p order by id desc")
			.param("p", person)
			.query((rs, n) -> new ConsentChange(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	/**
	 * What the public directory shows of a person: professional facts only (no identifier, birth date or contact:
	 * no consent purpose publishes them).
	 * @param fields codes of the fields of study of the person's degrees and expertise
	 * @param keywords the expertise keywords, one entry per keyword, without repeats
	 */
	public record Expert(String name, @Nullable String highestDegree, @Nullable String academicTitle, List<String> fields,
			List<String> keywords) {
	}

	/** One page of the directory, from 0. */
	public record Directory(List<Expert> experts, int page, int pages, long total) {
	}

	/** The consented people matching the text: the latest EXPERT_DIRECTORY consent row of each person is a grant. */
	private static final String DIRECTORY_FROM = """
			with consented as (
			  select distinct on (person_id) person_id, granted from registry.consent where purpose = 'EXPERT_DIRECTORY'
			  order by person_id, id desc)
			%s
			from consented c join registry.person p on p.id = c.person_id
			where c.granted and p.merged_into is null
			  and (:q = '' or shared.fold(p.family_name || ' ' || p.middle_name || ' ' || p.given_name) like '%%' || :q || '%%'
			       or exists (select 1 from registry.person_part x where x.person_id = p.id and x.kind = 'EXPERTISE'
			                  and shared.fold(x.attributes->>'keywords') like '%%' || :q || '%%')
			       or p.fields && cast(:fieldCodes as text[]))
			""";

	/**
	 * The public expert directory, a page at a time: only people whose latest EXPERT_DIRECTORY consent is a grant,
	 * with their fields of study and expertise keywords; no identifiers.
	 * @param fieldCodes codes of the fields of study whose name matches the text (a search by field name)
	 */
	@Transactional(readOnly = true)
	public Directory directory(String text, List<String> fieldCodes, int page, int size) {
		var folded = vn.trithuc.shared.VietnameseText.fold(text);
		var codes = fieldCodes.toArray(String[]::new);
		long total = jdbc.sql(DIRECTORY_FROM.formatted("select count(*)")).param("q", folded).param("fieldCodes", codes)
			.query(Long.class).single();
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int shown = Math.min(Math.max(0, page), pages - 1);
		var experts = jdbc.sql(DIRECTORY_FROM.formatted("""
				select p.family_name, p.middle_name, p.given_name, p.highest_degree, p.academic_title, p.fields,
				  coalesce((select string_agg(x.attributes->>'keywords', '|' order by x.id) from registry.person_part x
				            where x.person_id = p.id and x.kind = 'EXPERTISE'), '') as keywords""") + """
				order by p.given_name collate "vi-x-icu", p.middle_name collate "vi-x-icu", p.family_name collate "vi-x-icu", p.id
				limit :limit offset :offset""")
			.param("q", folded).param("fieldCodes", codes).param("limit", size).param("offset", (long) shown * size)
			.query((rs, n) -> {
				var fields = rs.getArray(6);
				return new Expert(String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3)).replaceAll("\\s+", " ").strip(),
						rs.getString(4), rs.getString(5), fields == null ? List.of() : List.of((String[]) fields.getArray()),
						keywords(rs.getString(7)));
			})
			.list();
		return new Directory(experts, shown, pages, total);
	}

	/** Keywords as typed in the expertise parts ("cà phê, tưới nhỏ giọt; đất đỏ"), one by one, repeats (any case) once. */
	static List<String> keywords(String joined) {
		var seen = new java.util.LinkedHashMap<String, String>();
		for (var keyword : joined.split("[|,;\\n]")) {
			var k = keyword.strip();
			if (!k.isEmpty()) {
				seen.putIfAbsent(vn.trithuc.shared.VietnameseText.nfc(k).toLowerCase(java.util.Locale.ROOT), k);
			}
		}
		return List.copyOf(seen.values());
	}
}
