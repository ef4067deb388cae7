package vn.trithuc.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.trithuc.registry.Sex;

/**
 * The national ID number (số định danh cá nhân, DOMAIN.md "Personal identifiers"): 12 digits {@code PPP G YY RRRRRR}
 * — PPP the province of birth registration (pre-2025 codes 001–096), G century and sex (1900s: 0 male / 1 female,
 * 2000s: 2 / 3, 2100s: 4 / 5, 2200s: 6 / 7, 1800s: 8 / 9), YY the last two digits of the birth year, six
 * random digits, no check digit. A wrong format is an error; G/YY disagreeing with the recorded birth year or
 * sex is only a warning (old data are often wrong the other way round).
 */
public final class NationalIdPolicy {

	private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
	private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

	/** A finding: a message key of the bundle and its arguments. */
	public record Finding(String messageKey, List<Object> arguments) {
		Finding(String messageKey, Object... arguments) {
			this(messageKey, List.of(arguments));
		}
	}

	public record Result(List<Finding> errors, List<Finding> warnings) {
		public boolean valid() {
			return errors.isEmpty();
		}
	}

	/** Checks {@code id} (already stripped) against the recorded birth year and sex (either may be unknown). */
	public Result check(String id, @Nullable Integer birthYear, @Nullable Sex sex) {
		var errors = new ArrayList<Finding>();
		var warnings = new ArrayList<Finding>();
		if (!TWELVE_DIGITS.matcher(id).matches()) {
			errors.add(new Finding("registry.nationalId.format", id.length()));
			return new Result(errors, warnings);
		}
		int province = Integer.parseInt(id.substring(0, 3));
		if (province < 1 || province > 96) {
			errors.add(new Finding("registry.nationalId.province", id.substring(0, 3)));
		}
		int g = id.charAt(3) - '0';
		int century = switch (g / 2) {
			case 0 -> 1900;
			case 1 -> 2000;
			case 2 -> 2100;
			case 3 -> 2200;
			default -> 1800;
		};
		int year = century + Integer.parseInt(id.substring(4, 6));
		var encodedSex = g % 2 == 0 ? Sex.MALE : Sex.FEMALE;
		if (birthYear != null && birthYear != year) {
			warnings.add(new Finding("registry.nationalId.yearMismatch", year, birthYear));
		}
		if (sex != null && sex != encodedSex) {
			warnings.add(new Finding("registry.nationalId.sexMismatch"));
		}
		return new Result(errors, warnings);
	}

	/** The old 9-digit ID (CMND): digits only. */
	public boolean validOldId(String id) {
		return NINE_DIGITS.matcher(id).matches();
	}
}
