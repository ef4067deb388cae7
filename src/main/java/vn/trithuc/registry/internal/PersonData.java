package vn.trithuc.registry.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trithuc.registry.Sex;
import vn.trithuc.shared.VietnameseText;

/**
 * The identity part of a profile as entered: names stored apart, birth date in full or the year only
 * ({@code birthDate} null, {@code birthYear} set). Texts are NFC and stripped; blanks become null.
 */
public record PersonData(String familyName, String middleName, String givenName, @Nullable String otherNames, Sex sex,
		@Nullable LocalDate birthDate, @Nullable Integer birthYear, @Nullable String ethnicGroup, @Nullable String religion,
		@Nullable String nationalId, @Nullable String oldId, @Nullable UUID hometown, @Nullable UUID residence,
		@Nullable String phone, @Nullable String email, @Nullable String userAccount) {

	public PersonData {
		familyName = text(familyName);
		middleName = middleName == null ? "" : VietnameseText.nfc(middleName);
		givenName = text(givenName);
		otherNames = blankToNull(otherNames);
		if (birthDate != null) {
			birthYear = birthDate.getYear();
		}
		ethnicGroup = blankToNull(ethnicGroup);
		religion = blankToNull(religion);
		nationalId = blankToNull(nationalId);
		oldId = blankToNull(oldId);
		phone = blankToNull(phone);
		email = blankToNull(email);
		userAccount = userAccount == null || userAccount.isBlank() ? null
				: userAccount.strip().toLowerCase(java.util.Locale.ROOT);
	}

	public String fullName() {
		return middleName.isEmpty() ? familyName + " " + givenName : familyName + " " + middleName + " " + givenName;
	}

	/**
	 * These data with {@code otherNames}, and each other blank field taken from {@code other} (names and sex stay
	 * these): a record merged into this one, or a duplicate proposal found to be the same person.
	 */
	public PersonData filledFrom(PersonData other, @Nullable String otherNames) {
		return new PersonData(familyName, middleName, givenName, otherNames, sex, or(birthDate, other.birthDate),
				or(birthYear, other.birthYear), or(ethnicGroup, other.ethnicGroup), or(religion, other.religion),
				or(nationalId, other.nationalId), or(oldId, other.oldId), or(hometown, other.hometown),
				or(residence, other.residence), or(phone, other.phone), or(email, other.email),
				or(userAccount, other.userAccount));
	}

	private static <T> @Nullable T or(@Nullable T first, @Nullable T second) {
		return first != null ? first : second;
	}

	/** Field name → value as text, for the change log. */
	public Map<String, String> asFields() {
		var fields = new LinkedHashMap<String, String>();
		fields.put("familyName", familyName);
		fields.put("middleName", middleName);
		fields.put("givenName", givenName);
		fields.put("otherNames", otherNames);
		fields.put("sex", sex.name());
		fields.put("birthDate", birthDate == null ? null : birthDate.toString());
		fields.put("birthYear", birthYear == null ? null : birthYear.toString());
		fields.put("ethnicGroup", ethnicGroup);
		fields.put("religion", religion);
		fields.put("nationalId", nationalId);
		fields.put("oldId", oldId);
		fields.put("hometown", hometown == null ? null : hometown.toString());
		fields.put("residence", residence == null ? null : residence.toString());
		fields.put("phone", phone);
		fields.put("email", email);
		fields.put("userAccount", userAccount);
		return fields;
	}

	private static String text(String value) {
		return value == null ? "" : VietnameseText.nfc(value);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : VietnameseText.nfc(value);
	}
}
