package vn.trithuc.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.trithuc.registry.PeopleMerged;
import vn.trithuc.registry.PersonChanged;
import vn.trithuc.registry.PersonId;
import vn.trithuc.registry.PersonRegistered;
import vn.trithuc.registry.Registry;
import vn.trithuc.registry.Sex;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.Sha256;
import vn.trithuc.shared.VietnameseText;

/**
 * Profiles: register, edit with optimistic locking, effective-dated parts, merge; every change goes to the
 * change log, every view of a full profile by someone else to the view log.
 */
@Service
@Transactional
public class Profiles implements Registry {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final Clock clock;
	private final NationalIdPolicy nationalIds = new NationalIdPolicy();
	private final RegistryCodes codes;
	private final RegistryScope scope;
	private final DuplicateRule duplicates;
	private final ApplicationEventPublisher events;

	Profiles(JdbcClient jdbc, Clock clock, RegistryCodes codes, RegistryScope scope, DuplicateRule duplicates,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.codes = codes;
		this.scope = scope;
		this.duplicates = duplicates;
		this.events = events;
	}

	// ---------------------------------------------------------------- registration and edits

	public sealed interface Registration {
	}

	public record Created(UUID id, List<NationalIdPolicy.Finding> warnings) implements Registration {
	}

	/** No national ID and a person with the same folded name and birth date exists: sent to duplicate review. */
	public record RoutedToReview(UUID candidate, UUID matchedPerson) implements Registration {
	}

	/** Registers a person, or routes a likely duplicate to review; refuses a national ID already registered. */
	public Registration register(PersonData data, String actor) {
		return register(data, actor, null, null, null);
	}

	/**
	 * {@link #register(PersonData, String)} with a position at {@code unit} from today for the new person (the unit an
	 * officer chose on the form: a scoped officer's people need one to stay in the scope); a likely duplicate goes to
	 * review with it.
	 */
	public Registration register(PersonData data, String actor, @Nullable UUID unit, Map<String, String> job) {
		var outcome = register(data, actor, null, unit, null);
		if (outcome instanceof Created created && unit != null) {
			var attributes = new LinkedHashMap<String, String>();
			attributes.put("orgUnit", unit.toString());
			job.forEach((field, value) -> {
				if (value != null && !value.isBlank()) {
					attributes.put(field, VietnameseText.nfc(value.strip()));
				}
			});
			if (attributes.size() > 1) { // the job title and category typed beside the unit
				jdbc.sql("update registry.person_part set attributes = cast(:attributes as jsonb)"
						+ " where person_id = :person and kind = 'POSITION'")
					.param("attributes", JSON.writeValueAsString(attributes)).param("person", created.id()).update();
				refreshDerived(created.id());
			}
			// in the change log like any part (an import's position is in its one IMPORTED entry)
			var log = new ChangeLog(created.id(), 1, actor);
			log.add("PART_ADDED", PartKind.POSITION.name(), null, describe(LocalDate.now(clock), null, attributes));
			log.write();
		}
		return outcome;
	}

	/**
	 * {@link #register(PersonData, String)} for a row of an import: the change log gets one IMPORTED entry naming
	 * {@code importSource} (job, file, row — the job keeps the file with every value) instead of one entry per field;
	 * a new person is created with a position in {@code unit} and a degree of {@code degree} (the file's unit column
	 * or the uploader's scope unit; its education level); a likely duplicate goes to review with them, for the
	 * officer who registers it as a new person after all.
	 */
	Registration register(PersonData data, String actor, @Nullable String importSource, @Nullable UUID unit,
			@Nullable String degree) {
		var warnings = validate(data, null);
		if (data.nationalId() == null) {
			var match = duplicates.findMatch(data);
			if (match.isPresent()) {
				return new RoutedToReview(duplicates.open(data, match.get(), actor, unit, degree), match.get());
			}
		}
		var id = insert(data, actor, importSource);
		addImported(id, unit, degree, actor);
		return new Created(id, warnings);
	}

	/** The position and degree an import gives a person it creates (a new person: version 1). */
	void addImported(UUID id, @Nullable UUID unit, @Nullable String degree, String actor) {
		if (unit != null) {
			addImportedPosition(id, unit);
		}
		if (degree != null) {
			addPart(id, 1, PartKind.DEGREE, null, null, Map.of("level", degree), actor);
		}
	}

	/** Registers without the duplicate check (an officer decided it is a different person). */
	public UUID registerAnyway(PersonData data, String actor) {
		validate(data, null);
		return insert(data, actor, null);
	}

	private UUID insert(PersonData data, String actor, @Nullable String importSource) {
		var id = UUID.randomUUID();
		var now = Timestamp.from(clock.instant());
		var tokens = NameTokens.of(data.familyName(), data.middleName(), data.givenName(), data.otherNames());
		bind(jdbc.sql("""
				insert into registry.person (id, version, family_name, middle_name, given_name, other_names, sex,
				  birth_date, birth_year, ethnic_group, religion, national_id, old_id, hometown, residence, phone, email,
				  user_account, name_tokens, name_key, created_at, updated_at)
				values (:id, 1, :familyName, :middleName, :givenName, :otherNames, :sex, :birthDate, :birthYear,
				  :ethnicGroup, :religion, :nationalId, :oldId, :hometown, :residence, :phone, :email, :userAccount,
				  :tokens, :nameKey, :now, :now)"""), data)
			.param("id", id).param("tokens", tokens.toArray(String[]::new))
			.param("nameKey", NameTokens.key(data.familyName(), data.middleName(), data.givenName()))
			.param("now", now).update();
		rememberTokens(tokens);
		var log = new ChangeLog(id, 1, actor);
		if (importSource != null) {
			log.add("IMPORTED", null, null, data.fullName() + " (" + importSource + ")");
		}
		else {
			log.add("CREATED", null, null, data.fullName());
			data.asFields().forEach((field, value) -> {
				if (value != null && !value.isEmpty()) {
					log.add("FIELD", field, null, value);
				}
			});
		}
		log.write();
		refreshDerived(id);
		events.publishEvent(new PersonRegistered(new PersonId(id)));
		return id;
	}

	/** Saves the identity fields if nobody saved since {@code expectedVersion}. @return the new version */
	public int update(UUID id, int expectedVersion, PersonData data, String actor) {
		var before = load(id).orElseThrow(() -> new UnknownPersonException(id));
		checkVersion(before, expectedVersion);
		validate(data, id);
		var tokens = NameTokens.of(data.familyName(), data.middleName(), data.givenName(), data.otherNames());
		int updated = bind(jdbc.sql("""
				update registry.person set version = version + 1, family_name = :familyName, middle_name = :middleName,
				  given_name = :givenName, other_names = :otherNames, sex = :sex, birth_date = :birthDate,
				  birth_year = :birthYear, ethnic_group = :ethnicGroup, religion = :religion, national_id = :nationalId,
				  old_id = :oldId, hometown = :hometown, residence = :residence, phone = :phone, email = :email,
				  user_account = :userAccount, name_tokens = :tokens, name_key = :nameKey, updated_at = :now
				where id = :id and version = :version"""), data)
			.param("id", id).param("version", expectedVersion).param("tokens", tokens.toArray(String[]::new))
			.param("nameKey", NameTokens.key(data.familyName(), data.middleName(), data.givenName()))
			.param("now", Timestamp.from(clock.instant())).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("person " + id + " changed since version " + expectedVersion);
		}
		rememberTokens(tokens);
		var log = new ChangeLog(id, expectedVersion + 1, actor);
		var old = before.data().asFields();
		data.asFields().forEach((field, value) -> {
			if (!Objects.equals(blank(old.get(field)), blank(value))) {
				log.add("FIELD", field, old.get(field), value);
			}
		});
		log.write();
		refreshDerived(id);
		events.publishEvent(new PersonChanged(new PersonId(id)));
		return expectedVersion + 1;
	}

	/** Adds an effective-dated part. @return the new version of the profile */
	public int addPart(UUID id, int expectedVersion, PartKind kind, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, Map<String, String> input, String actor) {
		var profile = load(id).orElseThrow(() -> new UnknownPersonException(id));
		checkVersion(profile, expectedVersion);
		var attributes = validatePart(kind, validFrom, validTo, input);
		var partId = UUID.randomUUID();
		jdbc.sql("""
				insert into registry.person_part (id, person_id, kind, valid_from, valid_to, attributes, created_at)
				values (:id, :person, :kind, :from, :to, cast(:attributes as jsonb), :now)""")
			.param("id", partId).param("person", id).param("kind", kind.name()).param("from", validFrom)
			.param("to", validTo).param("attributes", JSON.writeValueAsString(attributes))
			.param("now", Timestamp.from(clock.instant())).update();
		int version = bump(id, expectedVersion);
		var log = new ChangeLog(id, version, actor);
		log.add("PART_ADDED", kind.name(), null, describe(validFrom, validTo, attributes));
		log.write();
		refreshDerived(id);
		events.publishEvent(new PersonChanged(new PersonId(id)));
		return version;
	}

	/**
	 * Corrects a part entered wrongly (a mistyped year, the wrong institution): its dates and values are replaced,
	 * and the change history keeps what it said before. Unlike {@link #endPart}, nothing ended in reality.
	 *
	 * @return the new version
	 */
	public int correctPart(UUID id, int expectedVersion, UUID partId, @Nullable LocalDate validFrom,
			@Nullable LocalDate validTo, Map<String, String> input, String actor) {
		var profile = load(id).orElseThrow(() -> new UnknownPersonException(id));
		checkVersion(profile, expectedVersion);
		var part = part(profile, partId);
		var attributes = validatePart(part.kind(), validFrom, validTo, input);
		jdbc.sql("update registry.person_part set valid_from = :from, valid_to = :to, attributes = cast(:attributes as jsonb) where id = :id")
			.param("from", validFrom).param("to", validTo).param("attributes", JSON.writeValueAsString(attributes))
			.param("id", partId).update();
		int version = bump(id, expectedVersion);
		new ChangeLog(id, version, actor).add("PART_CORRECTED", part.kind().name(),
				describe(part.validFrom(), part.validTo(), part.attributes()), describe(validFrom, validTo, attributes))
			.write();
		refreshDerived(id);
		events.publishEvent(new PersonChanged(new PersonId(id)));
		return version;
	}

	/**
	 * Deletes a part entered by mistake (a degree typed into the wrong person's profile); the change history keeps
	 * what it said. @return the new version
	 */
	public int removePart(UUID id, int expectedVersion, UUID partId, String actor) {
		var profile = load(id).orElseThrow(() -> new UnknownPersonException(id));
		checkVersion(profile, expectedVersion);
		var part = part(profile, partId);
		jdbc.sql("delete from registry.person_part where id = :id").param("id", partId).update();
		int version = bump(id, expectedVersion);
		new ChangeLog(id, version, actor)
			.add("PART_REMOVED", part.kind().name(), describe(part.validFrom(), part.validTo(), part.attributes()), null)
			.write();
		refreshDerived(id);
		events.publishEvent(new PersonChanged(new PersonId(id)));
		return version;
	}

	private static Part part(Profile profile, UUID partId) {
		return profile.parts().stream().filter(p -> p.id().equals(partId)).findFirst()
			.orElseThrow(() -> new UnknownPersonException(profile.id()));
	}

	/**
	 * A position at {@code unit} from today for a person an import just created (the unit column of the file, or the
	 * uploader's scope unit): part of the import, whose one IMPORTED change-log entry names the job and its file.
	 */
	void addImportedPosition(UUID id, UUID unit) {
		jdbc.sql("""
				insert into registry.person_part (id, person_id, kind, valid_from, valid_to, attributes, created_at)
				values (:id, :person, 'POSITION', :from, null, cast(:attributes as jsonb), :now)""")
			.param("id", UUID.randomUUID()).param("person", id).param("from", LocalDate.now(clock))
			.param("attributes", JSON.writeValueAsString(Map.of("orgUnit", unit.toString())))
			.param("now", Timestamp.from(clock.instant())).update();
		refreshDerived(id);
	}

	/** Ends a part on {@code validTo} (inclusive). @return the new version */
	public int endPart(UUID id, int expectedVersion, UUID partId, LocalDate validTo, String actor) {
		var profile = load(id).orElseThrow(() -> new UnknownPersonException(id));
		checkVersion(profile, expectedVersion);
		var part = part(profile, partId);
		if (part.validFrom() != null && validTo.isBefore(part.validFrom())) {
			throw new InvalidProfileException(List.of(new FieldError("validTo", "registry.part.endBeforeStart")));
		}
		jdbc.sql("update registry.person_part set valid_to = :to where id = :id").param("to", validTo)
			.param("id", partId).update();
		int version = bump(id, expectedVersion);
		var log = new ChangeLog(id, version, actor);
		log.add("PART_ENDED", part.kind().name(), describe(part.validFrom(), part.validTo(), part.attributes()),
				describe(part.validFrom(), validTo, part.attributes()));
		log.write();
		refreshDerived(id);
		events.publishEvent(new PersonChanged(new PersonId(id)));
		return version;
	}

	/** A profile photo as stored ({@link PhotoPolicy}: a JPEG of at most 300 × 400 pixels). */
	public record Photo(byte[] jpeg, String sha256, Instant updatedAt) {
	}

	/** The person's photo, if one was set. No scope check: callers check the profile first. */
	@Transactional(readOnly = true)
	public Optional<Photo> photo(UUID id) {
		return jdbc.sql("select content, sha256, updated_at from registry.person_photo where person_id = :id")
			.param("id", id)
			.query((rs, n) -> new Photo(rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	@Transactional(readOnly = true)
	public boolean hasPhoto(UUID id) {
		return jdbc.sql("select exists (select 1 from registry.person_photo where person_id = :id)").param("id", id)
			.query(Boolean.class).single();
	}

	/**
	 * Sets or replaces the photo (made by {@link PhotoPolicy#normalise}, outside this transaction), audited like any
	 * change. @return the new version
	 */
	public int setPhoto(UUID id, int expectedVersion, PhotoPolicy.Stored photo, String actor) {
		var jpeg = photo.jpeg();
		var sha256 = Sha256.hex(jpeg);
		var before = photo(id);
		int version = bump(id, expectedVersion);
		jdbc.sql("""
				insert into registry.person_photo (person_id, content, size, sha256, updated_at, updated_by)
				values (:id, :content, :size, :sha, :now, :actor)
				on conflict (person_id) do update set content = excluded.content, size = excluded.size,
				  sha256 = excluded.sha256, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.param("id", id).param("content", jpeg).param("size", jpeg.length).param("sha", sha256)
			.param("now", Timestamp.from(clock.instant())).param("actor", actor).update();
		new ChangeLog(id, version, actor)
			.add("FIELD", "photo", before.map(Photo::sha256).orElse(null), sha256).write();
		return version;
	}

	/** Removes the photo (nothing to do without one). @return the version after it */
	public int removePhoto(UUID id, int expectedVersion, String actor) {
		var before = photo(id);
		if (before.isEmpty()) {
			return expectedVersion;
		}
		int version = bump(id, expectedVersion);
		jdbc.sql("delete from registry.person_photo where person_id = :id").param("id", id).update();
		new ChangeLog(id, version, actor).add("FIELD", "photo", before.get().sha256(), null).write();
		return version;
	}

	/**
	 * Merges {@code merged} into {@code survivor}: every part, change-log entry and view-log entry moves to the
	 * survivor, blank identity fields of the survivor are filled from the other record, and the other record
	 * points to the survivor from then on. Refused when both carry different national IDs.
	 */
	public void merge(UUID survivor, int expectedVersion, UUID merged, String actor) {
		if (survivor.equals(merged)) {
			throw new InvalidProfileException(List.of(new FieldError("other", "registry.merge.same")));
		}
		var keep = load(survivor).orElseThrow(() -> new UnknownPersonException(survivor));
		checkVersion(keep, expectedVersion);
		var other = load(merged).orElseThrow(() -> new InvalidProfileException(
				List.of(new FieldError("other", "registry.merge.unknown"))));
		var a = keep.data();
		var b = other.data();
		if (a.nationalId() != null && b.nationalId() != null && !a.nationalId().equals(b.nationalId())) {
			throw new InvalidProfileException(List.of(new FieldError("other", "registry.merge.differentIds")));
		}
		// free the unique columns of the merged record before the survivor takes them
		jdbc.sql("update registry.person set national_id = null, user_account = null, merged_into = :s, version = version + 1, updated_at = :now where id = :m")
			.param("s", survivor).param("m", merged).param("now", Timestamp.from(clock.instant())).update();
		var combined = a.filledFrom(b,
				joinNames(a.otherNames(), b.fullName().equals(a.fullName()) ? b.otherNames() : b.fullName()));
		jdbc.sql("update registry.person_part set person_id = :s where person_id = :m").param("s", survivor)
			.param("m", merged).update();
		jdbc.sql("update registry.change_log set person_id = :s where person_id = :m").param("s", survivor)
			.param("m", merged).update();
		jdbc.sql("update registry.person_view_log set person_id = :s where person_id = :m").param("s", survivor)
			.param("m", merged).update();
		// what the person asked for and agreed to under the other record goes with them: change requests, consents
		// (the latest decision holds), erasure requests (one open at a time); its open invitation link is closed
		jdbc.sql("update registry.change_request set person_id = :s where person_id = :m").param("s", survivor)
			.param("m", merged).update();
		jdbc.sql("update registry.consent set person_id = :s where person_id = :m").param("s", survivor).param("m", merged)
			.update();
		jdbc.sql("""
				update registry.erasure_request set person_id = :s where person_id = :m and (status <> 'OPEN'
				  or not exists (select 1 from registry.erasure_request o where o.person_id = :s and o.status = 'OPEN'))""")
			.param("s", survivor).param("m", merged).update();
		jdbc.sql("update registry.invitation set status = 'REPLACED', closed_at = :now where person_id = :m and status = 'OPEN'")
			.param("m", merged).param("now", Timestamp.from(clock.instant())).update();
		// the other record's photo fills the survivor's blank one, as its other blank fields are filled
		jdbc.sql("""
				insert into registry.person_photo (person_id, content, size, sha256, updated_at, updated_by)
				select :s, content, size, sha256, updated_at, updated_by from registry.person_photo where person_id = :m
				on conflict (person_id) do nothing""").param("s", survivor).param("m", merged).update();
		jdbc.sql("delete from registry.person_photo where person_id = :m").param("m", merged).update();
		int version = update(survivor, expectedVersion, combined, actor);
		version = bump(survivor, version);
		var log = new ChangeLog(survivor, version, actor);
		log.add("MERGED", null, merged.toString(), survivor.toString());
		log.write();
		new ChangeLog(merged, other.version() + 1, actor).add("MERGED", null, merged.toString(), survivor.toString()).write();
		refreshDerived(survivor);
		events.publishEvent(new PeopleMerged(new PersonId(survivor), new PersonId(merged)));
	}

	/**
	 * What a duplicate proposal found to be this person adds: its fields where the profile has none (phone, e-mail,
	 * ethnic group, hometown …); nothing else changes. @return whether anything was added
	 */
	boolean complete(UUID id, PersonData proposal, String actor) {
		var profile = load(id).orElseThrow(() -> new UnknownPersonException(id));
		var data = profile.data();
		var filled = data.filledFrom(proposal, data.otherNames());
		if (filled.equals(data)) {
			return false;
		}
		try {
			update(id, profile.version(), filled, actor);
			return true;
		}
		catch (InvalidProfileException e) {
			// the profile itself breaks a rule made since (a phone typed before phones were checked): left as it is,
			// for the officer to correct on its form
			return false;
		}
	}

	// ---------------------------------------------------------------- reading

	/** The record (not merged away) with this national ID or old ID; the caller's scope is for the caller to apply. */
	@Transactional(readOnly = true)
	public Optional<UUID> byIdentifier(String digits) {
		return jdbc.sql("select id from registry.person where (national_id = :d or old_id = :d) and merged_into is null"
				+ " order by national_id = :d desc limit 1").param("d", digits).query(UUID.class).optional();
	}

	/** The profile if it exists, is not merged away, and the caller's scope reaches it. No view is logged. */
	@Transactional(readOnly = true)
	public Optional<Profile> find(UUID id, Caller caller) {
		return reaches(id, caller) ? load(id) : Optional.empty();
	}

	/** Whether the profile exists, is not merged away, and the caller's scope reaches it (one query, nothing loaded). */
	@Transactional(readOnly = true)
	public boolean reaches(UUID id, Caller caller) {
		var filter = scope.filter(caller);
		return jdbc.sql("select count(*) from registry.person p where p.id = :id and p.merged_into is null and "
				+ filter.sql()).params(filter.parameters()).param("id", id).query(Long.class).single() > 0;
	}

	/** Like {@link #find}, and logs the view when the caller is not the person. */
	public Optional<Profile> view(UUID id, Caller caller) {
		var profile = find(id, caller);
		profile.filter(p -> !caller.username().equals(p.data().userAccount())).ifPresent(p -> jdbc.sql("""
				insert into registry.person_view_log (person_id, viewer, viewer_role, at)
				values (:person, :viewer, :roles, :now)""")
			.param("person", id).param("viewer", caller.username())
			.param("roles", String.join(",", caller.roles().stream().map(Enum::name).sorted().toList()))
			.param("now", Timestamp.from(clock.instant())).update());
		return profile;
	}

	/** The record a merged one now lives in. */
	@Transactional(readOnly = true)
	public Optional<UUID> mergedInto(UUID id) {
		return jdbc.sql("select merged_into from registry.person where id = :id and merged_into is not null")
			.param("id", id).query(UUID.class).optional();
	}

	/** The profile linked to a user account (an intellectual's own). */
	@Transactional(readOnly = true)
	public Optional<UUID> ownProfile(String username) {
		return jdbc.sql("select id from registry.person where user_account = :u and merged_into is null")
			.param("u", username).query(UUID.class).optional();
	}

	public record ViewEntry(String viewer, String roles, Instant at) {
	}

	@Transactional(readOnly = true)
	public List<ViewEntry> viewers(UUID id, int limit) {
		return jdbc.sql("""
				select viewer, viewer_role, at from registry.person_view_log where person_id = :id
				order by at desc, id desc limit :limit""").param("id", id).param("limit", limit)
			.query((rs, n) -> new ViewEntry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
	}

	public record Change(int version, Instant at, String actor, String action, @Nullable String field,
			@Nullable String oldValue, @Nullable String newValue) {
	}

	/** The change log of a person, newest first; only changes after {@code sinceVersion} when it is given. */
	@Transactional(readOnly = true)
	public List<Change> changes(UUID id, @Nullable Integer sinceVersion) {
		return jdbc.sql("""
				select version, at, actor, action, field, old_value, new_value from registry.change_log
				where person_id = :id and version > :since order by id desc""")
			.param("id", id).param("since", sinceVersion == null ? 0 : sinceVersion)
			.query((rs, n) -> new Change(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return jdbc.sql("select count(*) from registry.person where merged_into is null").query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> displayName(PersonId person) {
		return load(person.value()).map(Profile::fullName);
	}

	Optional<Profile> load(UUID id) {
		var rows = jdbc.sql("select * from registry.person where id = :id and merged_into is null").param("id", id)
			.query(this::profileRow).list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		var parts = jdbc.sql("""
				select id, kind, valid_from, valid_to, attributes::text from registry.person_part where person_id = :id
				order by valid_from nulls first, created_at""").param("id", id)
			.query((rs, n) -> new Part(rs.getObject(1, UUID.class), PartKind.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
					JSON.readValue(rs.getString(5), MAP)))
			.list();
		var row = rows.get(0);
		return Optional.of(new Profile(row.id(), row.version(), row.data(), parts, row.currentOrgUnit(),
				row.personnelCategory(), row.highestDegree(), row.partyMember(), row.talent(), row.createdAt(),
				row.updatedAt()));
	}

	private Profile profileRow(ResultSet rs, int n) throws SQLException {
		var data = new PersonData(rs.getString("family_name"), rs.getString("middle_name"), rs.getString("given_name"),
				rs.getString("other_names"), Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
				(Integer) rs.getObject("birth_year"), rs.getString("ethnic_group"), rs.getString("religion"),
				rs.getString("national_id"), rs.getString("old_id"), rs.getObject("hometown", UUID.class),
				rs.getObject("residence", UUID.class), rs.getString("phone"), rs.getString("email"),
				rs.getString("user_account"));
		return new Profile(rs.getObject("id", UUID.class), rs.getInt("version"), data, List.of(),
				rs.getObject("current_org_unit", UUID.class), rs.getString("personnel_category"),
				rs.getString("highest_degree"), rs.getBoolean("party_member"), rs.getBoolean("talent"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	// ---------------------------------------------------------------- rules

	/**
	 * The broken rules of {@code data} as a list, for the import's dry run: nothing is thrown, so a bad row never
	 * marks the caller's transaction rollback-only.
	 */
	List<FieldError> errorsOf(PersonData data, boolean lookUpNationalId) {
		return errorsOf(data, lookUpNationalId, null);
	}

	/** The form rules an import applies to each of its rows (without the registry look-up of the national ID). */
	interface RowChecks {
		List<FieldError> errorsOf(PersonData data, Map<String, Optional<String>> codeChecks);
	}

	/**
	 * {@link #errorsOf(PersonData, boolean, Map)} as a function bound to this bean itself: an import calls it once per
	 * row, a hundred thousand times, without going through the transactional proxy each time.
	 */
	RowChecks rowChecks() {
		return (data, codeChecks) -> errorsOf(data, false, codeChecks);
	}

	/** @param codeChecks the results of code checks made already (list and code → message key), filled as it goes */
	List<FieldError> errorsOf(PersonData data, boolean lookUpNationalId,
			@Nullable Map<String, Optional<String>> codeChecks) {
		try {
			validate(data, null, lookUpNationalId, codeChecks);
			return List.of();
		}
		catch (InvalidProfileException e) {
			return e.errors();
		}
	}

	/** @return warnings (e.g. national ID disagreeing with birth year); throws on errors */
	List<NationalIdPolicy.Finding> validate(PersonData data, @Nullable UUID self) {
		return validate(data, self, true);
	}

	/** @param lookUpNationalId false when the caller checked already that nobody holds the national ID (import) */
	List<NationalIdPolicy.Finding> validate(PersonData data, @Nullable UUID self, boolean lookUpNationalId) {
		return validate(data, self, lookUpNationalId, null);
	}

	private Optional<String> checkCode(String list, String code, @Nullable Map<String, Optional<String>> checks) {
		return checks == null ? codes.checkCode(list, code)
				: checks.computeIfAbsent(list + '\u0000' + code, k -> codes.checkCode(list, code));
	}

	private List<NationalIdPolicy.Finding> validate(PersonData data, @Nullable UUID self, boolean lookUpNationalId,
			@Nullable Map<String, Optional<String>> codeChecks) {
		var errors = new ArrayList<FieldError>();
		if (data.familyName().isEmpty()) {
			errors.add(new FieldError("familyName", "registry.required"));
		}
		if (data.givenName().isEmpty()) {
			errors.add(new FieldError("givenName", "registry.required"));
		}
		var warnings = new ArrayList<NationalIdPolicy.Finding>();
		if (data.nationalId() != null) {
			var result = nationalIds.check(data.nationalId(), data.birthYear(), data.sex());
			result.errors().forEach(f -> errors.add(new FieldError("nationalId", f.messageKey(), f.arguments().toArray())));
			warnings.addAll(result.warnings());
			if (result.valid() && lookUpNationalId) {
				var holder = jdbc.sql("select id from registry.person where national_id = :n")
					.param("n", data.nationalId()).query(UUID.class).optional();
				if (holder.isPresent() && !holder.get().equals(self)) {
					errors.add(new FieldError("nationalId", "registry.nationalId.taken"));
				}
			}
		}
		if (data.oldId() != null && !nationalIds.validOldId(data.oldId())) {
			errors.add(new FieldError("oldId", "registry.oldId.format"));
		}
		if (data.ethnicGroup() != null) {
			checkCode("ethnic-groups", data.ethnicGroup(), codeChecks).ifPresent(k -> errors.add(new FieldError("ethnicGroup", k, data.ethnicGroup())));
		}
		if (data.religion() != null) {
			checkCode("religions", data.religion(), codeChecks).ifPresent(k -> errors.add(new FieldError("religion", k, data.religion())));
		}
		if (data.hometown() != null) {
			codes.checkAdminUnit(data.hometown()).ifPresent(k -> errors.add(new FieldError("hometown", k)));
		}
		if (data.residence() != null) {
			codes.checkAdminUnit(data.residence()).ifPresent(k -> errors.add(new FieldError("residence", k)));
		}
		if (data.birthDate() != null && data.birthDate().isAfter(LocalDate.now(clock))) {
			errors.add(new FieldError("birth", "registry.birth.future"));
		}
		var phoneProblem = ContactRules.phoneProblem(data.phone());
		if (phoneProblem != null) {
			errors.add(new FieldError("phone", phoneProblem, data.phone(), ContactRules.digits(data.phone())));
		}
		var emailProblem = ContactRules.emailProblem(data.email());
		if (emailProblem != null) {
			errors.add(new FieldError("email", emailProblem, data.email()));
		}
		if (data.userAccount() != null) {
			var holder = jdbc.sql("select id from registry.person where user_account = :u").param("u", data.userAccount())
				.query(UUID.class).optional();
			if (holder.isPresent() && !holder.get().equals(self)) {
				errors.add(new FieldError("userAccount", "registry.userAccount.taken"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidProfileException(errors);
		}
		return warnings;
	}

	Map<String, String> validatePart(PartKind kind, @Nullable LocalDate from, @Nullable LocalDate to,
			Map<String, String> input) {
		var errors = new ArrayList<FieldError>();
		if (kind.startRequired() && from == null) {
			errors.add(new FieldError("validFrom", "registry.required"));
		}
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(new FieldError("validTo", "registry.part.endBeforeStart"));
		}
		var attributes = new LinkedHashMap<String, String>();
		for (var field : kind.fields()) {
			var raw = input.get(field.name());
			var value = raw == null ? "" : vn.trithuc.shared.VietnameseText.nfc(raw);
			if (value.isEmpty()) {
				if (field.required()) {
					errors.add(new FieldError(field.name(), "registry.required"));
				}
				continue;
			}
			switch (field.type()) {
				case CODE -> {
					var code = value;
					codes.checkCode(field.codeList(), code).ifPresent(k -> errors.add(new FieldError(field.name(), k, code)));
				}
				case DATE -> {
					try {
						value = Formats.parseDate(value).toString();
					}
					catch (Formats.InvalidDateException e) {
						errors.add(new FieldError(field.name(), e.messageKey(), e.arguments()));
					}
				}
				case YEAR -> {
					if (!value.matches("(18|19|20|21)[0-9]{2}")) {
						errors.add(new FieldError(field.name(), "registry.year.format"));
					}
				}
				case ORG_UNIT, ADMIN_UNIT -> {
					try {
						var unit = UUID.fromString(value);
						(field.type() == PartKind.Type.ORG_UNIT ? codes.checkOrgUnit(unit) : codes.checkAdminUnit(unit))
							.ifPresent(k -> errors.add(new FieldError(field.name(), k)));
					}
					catch (IllegalArgumentException e) {
						errors.add(new FieldError(field.name(), "registry.unit.format"));
					}
				}
				case TEXT -> {
					if (value.length() > 1000) {
						errors.add(new FieldError(field.name(), "registry.text.tooLong"));
					}
				}
			}
			attributes.put(field.name(), value);
		}
		// a party member becomes official after the probation that starts on admission, never before it
		var joined = attributes.get("joinDate");
		var official = attributes.get("officialDate");
		if (kind == PartKind.PARTY_MEMBERSHIP && joined != null && official != null
				&& joined.matches("\\d{4}-\\d{2}-\\d{2}") && official.matches("\\d{4}-\\d{2}-\\d{2}")
				&& LocalDate.parse(official).isBefore(LocalDate.parse(joined))) {
			errors.add(new FieldError("officialDate", "registry.party.officialBeforeJoin"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidProfileException(errors);
		}
		return attributes;
	}

	/** Current unit, personnel category, highest degree, party and talent flags, as of today. */
	void refreshDerived(UUID id) {
		refreshDerived(id, LocalDate.now(clock));
	}

	/** {@link #refreshDerived(UUID)} as of {@code today} (the nightly refresh passes its own day). */
	void refreshDerived(UUID id, LocalDate today) {
		var profile = load(id);
		var parts = profile.map(Profile::parts).orElse(List.of());
		var position = parts.stream().filter(p -> p.kind() == PartKind.POSITION && p.validOn(today))
			.max(Comparator.comparing(Part::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
		var degree = parts.stream().filter(p -> p.kind() == PartKind.DEGREE)
			.map(p -> p.attribute("level")).max(Comparator.comparingInt(codes::degreeRank));
		var document = codes.searchDocument(parts);
		var data = profile.map(Profile::data).orElse(null);
		jdbc.sql("""
				update registry.person set current_org_unit = :unit, personnel_category = :category,
				  highest_degree = :degree, party_member = :party, talent = :talent, fields = :fields,
				  academic_title = :title, expertise = cast(:expertise as tsvector),
				  residence_province = :residenceProvince, hometown_province = :hometownProvince where id = :id""")
			.param("fields", document.fields().toArray(String[]::new)).param("title", document.academicTitle())
			.param("expertise", document.expertise())
			.param("residenceProvince", data == null ? null : codes.provinceOf(data.residence()).orElse(null))
			.param("hometownProvince", data == null ? null : codes.provinceOf(data.hometown()).orElse(null))
			.param("unit", position.map(p -> p.attribute("orgUnit")).filter(s -> !s.isEmpty()).map(UUID::fromString).orElse(null))
			.param("category", position.map(p -> p.attribute("personnelCategory")).orElse(null))
			.param("degree", degree.orElse(null))
			.param("party", parts.stream().anyMatch(p -> p.kind() == PartKind.PARTY_MEMBERSHIP && p.validOn(today)))
			.param("talent", parts.stream().anyMatch(p -> p.kind() == PartKind.TALENT && p.validOn(today)))
			.param("id", id).update();
	}

	private void checkVersion(Profile profile, int expectedVersion) {
		if (profile.version() != expectedVersion) {
			throw new OptimisticLockingFailureException("person " + profile.id() + " changed since version " + expectedVersion);
		}
	}

	private int bump(UUID id, int expectedVersion) {
		int updated = jdbc.sql("update registry.person set version = version + 1, updated_at = :now where id = :id and version = :v")
			.param("id", id).param("v", expectedVersion).param("now", Timestamp.from(clock.instant())).update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("person " + id + " changed since version " + expectedVersion);
		}
		return expectedVersion + 1;
	}

	void rememberTokens(List<String> tokens) {
		jdbc.sql("insert into registry.name_token (token) select unnest(:tokens) on conflict do nothing")
			.param("tokens", tokens.toArray(String[]::new)).update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, PersonData data) {
		return sql.param("familyName", data.familyName()).param("middleName", data.middleName())
			.param("givenName", data.givenName()).param("otherNames", data.otherNames()).param("sex", data.sex().name())
			.param("birthDate", data.birthDate()).param("birthYear", data.birthYear())
			.param("ethnicGroup", data.ethnicGroup()).param("religion", data.religion())
			.param("nationalId", data.nationalId()).param("oldId", data.oldId()).param("hometown", data.hometown())
			.param("residence", data.residence()).param("phone", data.phone()).param("email", data.email())
			.param("userAccount", data.userAccount());
	}

	static String describe(@Nullable LocalDate from, @Nullable LocalDate to, Map<String, String> attributes) {
		return new LoggedPart(from, to, attributes).text();
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	private static @Nullable String joinNames(@Nullable String first, @Nullable String second) {
		if (second == null || second.isBlank()) {
			return first;
		}
		return first == null ? second : first + "; " + second;
	}

	/** Collects change-log rows of one version and writes them at once. */
	final class ChangeLog {
		private final UUID person;
		private final int version;
		private final String actor;
		private final List<Object[]> rows = new ArrayList<>();

		ChangeLog(UUID person, int version, String actor) {
			this.person = person;
			this.version = version;
			this.actor = actor;
		}

		ChangeLog add(String action, @Nullable String field, @Nullable String oldValue, @Nullable String newValue) {
			rows.add(new Object[] { action, field, oldValue, newValue });
			return this;
		}

		void write() {
			var now = Timestamp.from(clock.instant());
			for (var row : rows) {
				jdbc.sql("""
						insert into registry.change_log (person_id, version, at, actor, action, field, old_value, new_value)
						values (:person, :version, :at, :actor, :action, :field, :old, :new)""")
					.param("person", person).param("version", version).param("at", now).param("actor", actor)
					.param("action", row[0]).param("field", row[1]).param("old", row[2]).param("new", row[3]).update();
			}
		}
	}

	public record FieldError(String field, String messageKey, Object... arguments) {
	}

	public static class InvalidProfileException extends RuntimeException {
		private final List<FieldError> errors;

		public InvalidProfileException(List<FieldError> errors) {
			super("invalid profile: " + errors.stream().map(e -> e.field() + " " + e.messageKey()).toList());
			this.errors = List.copyOf(errors);
		}

		public List<FieldError> errors() {
			return errors;
		}
	}

	public static class UnknownPersonException extends RuntimeException {
		public UnknownPersonException(UUID id) {
			super("no person " + id);
		}
	}
}
