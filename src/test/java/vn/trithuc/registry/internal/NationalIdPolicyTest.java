package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.trithuc.registry.Sex;

class NationalIdPolicyTest {

	private final NationalIdPolicy policy = new NationalIdPolicy();

	@Test
	void a_well_formed_id_agreeing_with_birth_year_and_sex_has_no_findings() {
		// 068 Lâm Đồng, 1 = woman born in the 1900s, 85 = 1985
		var result = policy.check("068185001234", 1985, Sex.FEMALE);
		assertThat(result.valid()).isTrue();
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void the_century_digit_encodes_century_and_sex() {
		assertThat(policy.check("079003000001", 1900 + 3, Sex.MALE).warnings()).isEmpty();
		assertThat(policy.check("079203000001", 2003, Sex.MALE).warnings()).isEmpty();
		assertThat(policy.check("079303000001", 2003, Sex.FEMALE).warnings()).isEmpty();
		assertThat(policy.check("079999000001", 1899, Sex.FEMALE).warnings()).isEmpty();
	}

	@Test
	void a_disagreeing_birth_year_is_a_warning_not_an_error() {
		var result = policy.check("068185001234", 1986, Sex.FEMALE);
		assertThat(result.valid()).isTrue();
		assertThat(result.warnings()).extracting(NationalIdPolicy.Finding::messageKey)
			.containsExactly("registry.nationalId.yearMismatch");
		assertThat(result.warnings().get(0).arguments()).containsExactly(1985, 1986);
	}

	@Test
	void a_disagreeing_sex_is_a_warning() {
		var result = policy.check("068085001234", 1985, Sex.FEMALE);
		assertThat(result.valid()).isTrue();
		assertThat(result.warnings()).extracting(NationalIdPolicy.Finding::messageKey)
			.containsExactly("registry.nationalId.sexMismatch");
	}

	@Test
	void unknown_birth_data_gives_no_warning() {
		assertThat(policy.check("068085001234", null, null).warnings()).isEmpty();
	}

	@Test
	void eleven_digits_letters_or_spaces_are_errors() {
		assertThat(policy.check("68085001234", 1985, Sex.MALE).errors()).extracting(NationalIdPolicy.Finding::messageKey)
			.containsExactly("registry.nationalId.format");
		assertThat(policy.check("68085001234", null, null).errors().get(0).arguments()).containsExactly(11);
		assertThat(policy.check("06808500123A", null, null).valid()).isFalse();
		assertThat(policy.check("068 085 001234", null, null).valid()).isFalse();
	}

	@Test
	void province_code_000_or_above_096_is_an_error() {
		assertThat(policy.check("000085001234", null, null).errors()).extracting(NationalIdPolicy.Finding::messageKey)
			.containsExactly("registry.nationalId.province");
		assertThat(policy.check("097085001234", null, null).valid()).isFalse();
		assertThat(policy.check("096085001234", null, null).valid()).isTrue();
	}

	@Test
	void the_old_id_has_nine_digits() {
		assertThat(policy.validOldId("250123456")).isTrue();
		assertThat(policy.validOldId("25012345")).isFalse();
		assertThat(policy.validOldId("2501234567")).isFalse();
	}
}
