package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The change-log text of a part: written once as the audit record, read back for display, or left alone. */
class LoggedPartTest {

	@Test
	void the_text_of_a_part_is_the_one_the_change_log_has_always_kept() {
		var attributes = new LinkedHashMap<String, String>();
		attributes.put("orgUnit", "bf6684a6-655f-4c1e-9a57-5d2b8e1f0a11");
		attributes.put("jobTitle", "Cán bộ địa chính");
		attributes.put("personnelCategory", "CIVIL_SERVANT");
		assertThat(new LoggedPart(LocalDate.of(2015, 3, 2), null, attributes).text()).isEqualTo(
				"02/03/2015 – ; orgUnit: bf6684a6-655f-4c1e-9a57-5d2b8e1f0a11; jobTitle: Cán bộ địa chính; personnelCategory: CIVIL_SERVANT");
		assertThat(Profiles.describe(null, null, Map.of("joinDate", "2015-03-02"))).isEqualTo(" – ; joinDate: 2015-03-02");
	}

	@Test
	void a_stored_text_reads_back_into_its_period_and_fields_in_order() {
		var part = LoggedPart.parse(PartKind.POSITION,
				"02/03/2015 – 31/12/2024; orgUnit: bf6684a6; jobTitle: Cán bộ địa chính; personnelCategory: CIVIL_SERVANT")
			.orElseThrow();
		assertThat(part.validFrom()).isEqualTo(LocalDate.of(2015, 3, 2));
		assertThat(part.validTo()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(part.attributes()).containsExactly(Map.entry("orgUnit", "bf6684a6"),
				Map.entry("jobTitle", "Cán bộ địa chính"), Map.entry("personnelCategory", "CIVIL_SERVANT"));

		var open = LoggedPart.parse(PartKind.PARTY_MEMBERSHIP, " – ; joinDate: 2010-01-01").orElseThrow();
		assertThat(open.validFrom()).isNull();
		assertThat(open.validTo()).isNull();
		assertThat(open.attributes()).containsExactly(Map.entry("joinDate", "2010-01-01"));
		assertThat(LoggedPart.parse(PartKind.TALENT, "01/01/2020 – ").orElseThrow().attributes()).isEmpty();
	}

	@Test
	void free_text_with_semicolons_and_colons_stays_in_its_field() {
		var text = new LoggedPart(null, null, Map.of("keywords", "đất đai; quy hoạch: vùng cao")).text();
		assertThat(LoggedPart.parse(PartKind.EXPERTISE, text).orElseThrow().attributes())
			.containsExactly(Map.entry("keywords", "đất đai; quy hoạch: vùng cao"));
	}

	@Test
	void a_text_of_another_form_is_not_read() {
		assertThat(LoggedPart.parse(PartKind.POSITION, "***")).isEmpty();
		assertThat(LoggedPart.parse(PartKind.POSITION, null)).isEmpty();
		assertThat(LoggedPart.parse(PartKind.POSITION, "Ghi chép cũ: 1/2010")).isEmpty();
		assertThat(LoggedPart.parse(PartKind.POSITION, "31/02/2015 – ; jobTitle: x")).as("no such day").isEmpty();
		assertThat(LoggedPart.parse(PartKind.POSITION, "02/03/2015 – ; colour: blue")).as("no such field").isEmpty();
	}
}
