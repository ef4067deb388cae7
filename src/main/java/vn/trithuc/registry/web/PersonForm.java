package vn.trithuc.registry.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.validation.BindingResult;

import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.ContactRules;
import vn.trithuc.registry.internal.NationalIdPolicy;
import vn.trithuc.registry.internal.PersonData;
import vn.trithuc.shared.Formats;

/** The identity fields as typed: birth as dd/MM/yyyy or a year, units as ids. */
record PersonForm(Integer version, String familyName, String middleName, String givenName, String otherNames, String sex,
		String birth, String ethnicGroup, String religion, String nationalId, String oldId, String hometown,
		String residence, String phone, String email, String userAccount) {

	PersonForm {
		familyName = n(familyName);
		middleName = n(middleName);
		givenName = n(givenName);
		otherNames = n(otherNames);
		sex = n(sex);
		birth = n(birth);
		ethnicGroup = n(ethnicGroup);
		religion = n(religion);
		nationalId = n(nationalId);
		oldId = n(oldId);
		hometown = n(hometown);
		residence = n(residence);
		phone = n(phone);
		email = n(email);
		userAccount = n(userAccount);
	}

	private static String n(String value) {
		return value == null ? "" : value;
	}

	PersonForm withUserAccount(String account) {
		return new PersonForm(version, familyName, middleName, givenName, otherNames, sex, birth, ethnicGroup, religion,
				nationalId, oldId, hometown, residence, phone, email, account);
	}

	static PersonForm empty() {
		return new PersonForm(0, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
	}

	static PersonForm of(int version, PersonData d) {
		return new PersonForm(version, d.familyName(), d.middleName(), d.givenName(), s(d.otherNames()), d.sex().name(),
				d.birthDate() != null ? Formats.DATE.format(d.birthDate()) : d.birthYear() == null ? "" : d.birthYear().toString(),
				s(d.ethnicGroup()), s(d.religion()), s(d.nationalId()), s(d.oldId()), s(d.hometown()), s(d.residence()),
				s(d.phone()), s(d.email()), s(d.userAccount()));
	}

	/** @return the data, or null with the problems in {@code binding} */
	PersonData toData(BindingResult binding) {
		if (binding.getTarget() == null) {
			// a field the form itself fills (the hidden version) could not be bound: a tampered request
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
		}
		Sex parsedSex = null;
		try {
			parsedSex = Sex.valueOf(sex == null ? "" : sex);
		}
		catch (IllegalArgumentException e) {
			binding.rejectValue("sex", "registry.required");
		}
		if (familyName == null || familyName.isBlank()) {
			binding.rejectValue("familyName", "registry.required");
		}
		if (givenName == null || givenName.isBlank()) {
			binding.rejectValue("givenName", "registry.required");
		}
		LocalDate date = null;
		Integer year = null;
		var b = birth == null ? "" : birth.strip();
		if (b.matches("[0-9]{4}")) {
			year = Integer.valueOf(b);
		}
		else if (!b.isEmpty()) {
			try {
				date = Formats.parseDate(b);
			}
			catch (Formats.NoSuchDayException e) {
				binding.rejectValue("birth", e.messageKey(), e.arguments(), null);
			}
			catch (java.time.format.DateTimeParseException e) {
				binding.rejectValue("birth", "registry.birth.format");
			}
		}
		// told with the other fields' problems at once (Profiles checks the same rules again on saving)
		var phoneProblem = ContactRules.phoneProblem(phone);
		if (phoneProblem != null) {
			binding.rejectValue("phone", phoneProblem, new Object[] { phone.strip(), ContactRules.digits(phone) }, null);
		}
		var emailProblem = ContactRules.emailProblem(email);
		if (emailProblem != null) {
			binding.rejectValue("email", emailProblem, new Object[] { email.strip() }, null);
		}
		var id = digits(nationalId);
		if (id != null && !id.isEmpty()) {
			new NationalIdPolicy().check(id, year != null ? year : date == null ? null : date.getYear(), parsedSex).errors()
				.forEach(f -> binding.rejectValue("nationalId", f.messageKey(), f.arguments().toArray(), null));
		}
		var old = digits(oldId);
		if (old != null && !old.isEmpty() && !old.matches("[0-9]{9}")) {
			binding.rejectValue("oldId", "registry.oldId.format");
		}
		var home = unit("hometown", hometown, binding);
		var residing = unit("residence", residence, binding);
		if (binding.hasErrors()) {
			return null;
		}
		return new PersonData(familyName, middleName, givenName, otherNames, parsedSex, date, year, ethnicGroup,
				religion, digits(nationalId), digits(oldId), home, residing, phone, email, userAccount);
	}

	private static String digits(String value) {
		return value == null ? null : value.replaceAll("[\\s.]", "");
	}

	private static UUID unit(String field, String value, BindingResult binding) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			binding.rejectValue(field, "registry.unit.format");
			return null;
		}
	}

	private static String s(Object value) {
		return value == null ? "" : value.toString();
	}
}
